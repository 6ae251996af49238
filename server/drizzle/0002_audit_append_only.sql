-- The audit log is append-only: no deletes, and an entry may change only once,
-- when the chainer fills in its chain fields.
CREATE OR REPLACE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_entries is append-only: entry % cannot be deleted', OLD.id;
  END IF;
  IF OLD.seq IS NOT NULL THEN
    RAISE EXCEPTION 'audit entry % is chained and cannot be changed', OLD.id;
  END IF;
  IF (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_name, NEW.ip, NEW.request_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.region_code, NEW.before, NEW.after)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_name, OLD.ip, OLD.request_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.region_code, OLD.before, OLD.after) THEN
    RAISE EXCEPTION 'audit entry % content cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_entries_guard BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
