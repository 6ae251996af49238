-- Published catalog versions are immutable: corrections are new versions through an adjustment.
CREATE OR REPLACE FUNCTION catalog_item_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published catalog version % of item % cannot be changed or deleted; submit an adjustment instead', OLD.version_no, OLD.item_id;
END $$;--> statement-breakpoint
CREATE TRIGGER catalog_item_versions_guard BEFORE UPDATE OR DELETE ON catalog_item_versions
  FOR EACH ROW EXECUTE FUNCTION catalog_item_versions_guard();
