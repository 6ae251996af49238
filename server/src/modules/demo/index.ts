/** Demo county seed (Jiangyin, 320281). The only import surface of modules/demo. */
export { seedDemo, isDemoSeeded, demoSeedState, DEMO_SCALES, type DemoScale, type SeedDemoOptions, type SeedDemoResult } from './demo.seed.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOWN, demoAccountsTable, demoFirmUscc, demoResidentId, type DemoAccountSpec } from './demo.accounts.ts';
export { planOrgs, planPeople, generateEntities, generateCitizens, personName, type OrgPlan, type PersonPlan, type TownRegion } from './demo.generate.ts';
export { demoSeed } from './demo.schema.ts';
export { JIANGYIN, DEPARTMENTS } from './demo.data.ts';
export { seedCasesDemo, writeDemoCases, CASES_DEMO_SCALES, type CasesDemoScale, type WriteCasesOptions, type WriteCasesResult } from './cases/cases.demo.ts';
