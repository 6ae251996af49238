-- Common e-licence types. 11100000000013338W is the defining code used in production for the business licence
-- (营业执照); the other defining bodies' codes are placeholders with valid check characters, to be replaced by the
-- codes from the national e-licence type catalogue (license_types is editable data).
INSERT INTO "license_types" ("name", "name_en", "defining_uscc", "defining_body", "type_number", "default_valid_years") VALUES
  ('营业执照', 'Business licence', '11100000000013338W', '国家市场监督管理总局', '011', NULL),
  ('食品经营许可证', 'Food business licence', '11100000000013338W', '国家市场监督管理总局', '021', 5),
  ('食品生产许可证', 'Food production licence', '11100000000013338W', '国家市场监督管理总局', '022', 5),
  ('公章刻制备案证明', 'Official seal filing certificate', '111000000000000948', '公安部', '031', NULL),
  ('纳税人信息确认', 'Taxpayer registration confirmation', '111000000000000355', '国家税务总局', '041', NULL),
  ('社会保险登记证', 'Social insurance registration certificate', '111000000000000430', '人力资源和社会保障部', '051', NULL),
  ('排污许可证', 'Pollutant discharge permit', '11100000000000051T', '生态环境部', '061', 5),
  ('建筑工程施工许可证', 'Construction permit', '1110000000000006XJ', '住房和城乡建设部', '071', NULL),
  ('不动产权证书', 'Real estate title certificate', '11100000000000078J', '自然资源部', '081', NULL),
  ('卫生许可证', 'Hygiene licence', '11100000000000086D', '国家卫生健康委员会', '091', 4),
  ('安全生产许可证', 'Work safety licence', '11100000000000027A', '应急管理部', '101', 3)
ON CONFLICT DO NOTHING;
