-- 办营业执照 ("get a business licence") means registering the business (设立登记), not the e-licence download
-- that merely has 营业执照 in its name. Only the untouched default is changed; a staff edit is kept.
UPDATE catalog_synonyms
   SET expansions = ARRAY['设立登记', '企业开办', '个体工商户设立登记']::text[],
       note = '办营业执照即办理设立登记'
 WHERE term = '办营业执照' AND expansions = ARRAY['营业执照', '设立登记']::text[];--> statement-breakpoint
INSERT INTO catalog_synonyms (term, expansions, note) VALUES
  ('申请营业执照', ARRAY['设立登记', '企业开办', '个体工商户设立登记']::text[], '申请营业执照即办理设立登记'),
  ('领营业执照', ARRAY['设立登记', '企业开办', '个体工商户设立登记']::text[], NULL)
ON CONFLICT (term) DO NOTHING;
