/** CasesPort over modules/cases (its index.ts only): categories, intake, reads and the handling unit's transitions. */
import { SYSTEM_ACTOR, regionPrefix, type Actor } from '../../platform/access/index.ts';
import type { AppContext } from '../../context.ts';
import { CASE_STATES, OPEN_STATES, caseCategoryServiceOf, caseFlow, caseServiceOf, presentCase, type CaseState } from '../cases/index.ts';
import type { CaseFilter, CaseView, CasesPort, IntakeInput } from './open311.port.ts';
import type { Open311Settings } from './open311.rules.ts';

/** Case categories offered as Open311 services: located assets and events (GeoReport is about places). */
const SERVICE_KINDS = new Set(['asset', 'event']);

type Row = Parameters<typeof presentCase>[0];
type Summary = ReturnType<typeof presentCase>;

function view(s: Summary, leadOrgPath: number[]): CaseView {
  return {
    id: s.id,
    caseNo: s.caseNo,
    categoryCode: s.category.code,
    categoryName: s.category.name,
    state: s.state,
    stateLabel: s.stateLabel,
    closed: !(OPEN_STATES as readonly string[]).includes(s.state),
    isService: SERVICE_KINDS.has(s.kind),
    description: s.description,
    address: s.location.address,
    lat: s.location.lat,
    long: s.location.lng,
    leadOrgId: s.leadOrg?.id ?? null,
    leadOrgName: s.leadOrg?.name ?? null,
    leadOrgPath,
    regionCode: s.regionCode,
    version: s.version,
    reportedAt: s.reportedAt as string,
    updatedAt: s.updatedAt as string,
    dueAt: s.dueAt,
    closedAt: s.closedAt,
  };
}

const fromRow = (r: Row): CaseView => view(presentCase(r), (r.lead_org_path ?? []).map(Number));

export function casesPort(ctx: AppContext, settings: Open311Settings): CasesPort {
  const cases = () => caseServiceOf(ctx);
  const byNo = async (caseNo: string) => {
    const r = await cases().findByNo(caseNo);
    return r ? fromRow(r) : undefined;
  };
  return {
    async categories() {
      const all = await caseCategoryServiceOf(ctx).list({});
      return all
        .filter((k) => k.active && SERVICE_KINDS.has(k.kind))
        .map((k) => ({ code: k.code, name: k.name, group: k.className, description: k.filingConditions, keywords: [k.className, k.name] }));
    },

    async intake(who, input: IntakeInput) {
      const description = [input.description, ...input.details].join('\n');
      const r = await cases().intake(
        {
          source: 'open311',
          categoryCode: input.serviceCode,
          description,
          lat: input.lat,
          lng: input.long,
          address: input.address,
          regionCode: settings.regionCode,
          requester: input.requesterName || input.requesterPhone ? { name: input.requesterName, phone: input.requesterPhone } : null,
          externalRef: input.externalRef,
        },
        who,
      );
      const c = await byNo(r.caseNo);
      if (!c) throw new Error(`open311: case ${r.caseNo} not readable after intake`);
      return { case: c, created: r.created };
    },

    async byNumbers(caseNos) {
      const out: CaseView[] = [];
      for (const no of [...new Set(caseNos)]) {
        const c = await byNo(no);
        if (c) out.push(c);
      }
      return out;
    },

    async byId(id) {
      const s = await cases().get(SYSTEM_ACTOR, id).catch(() => undefined);
      return s ? byNo(s.caseNo) : undefined;
    },

    describeState(state: string) {
      return { label: caseFlow.states[state as CaseState]?.label ?? { zh: state, en: state }, closed: !(OPEN_STATES as readonly string[]).includes(state) };
    },

    async search(f: CaseFilter) {
      // newest first, paged until before the window or the cap is reached; one pass per service code and, for
      // closed requests (few among many), per closed state so that only matching cases are read
      const prefix = regionPrefix(f.regionCode);
      const closedStates = CASE_STATES.filter((st) => !(OPEN_STATES as readonly string[]).includes(st));
      const out: CaseView[] = [];
      for (const code of f.serviceCodes ?? [undefined]) {
        for (const state of f.closed === true ? closedStates : [undefined]) {
          let taken = 0;
          let offset: number | null = 0;
          while (offset !== null && taken < f.limit) {
            const page: { items: Summary[]; nextOffset: number | null } = await cases().list(SYSTEM_ACTOR, { categoryCode: code, state, offset, limit: 200 });
            offset = page.nextOffset;
            for (const s of page.items) {
              const at = new Date(s.reportedAt as string);
              if (at < f.from) {
                offset = null;
                break;
              }
              if (at > f.to || !s.regionCode.startsWith(prefix)) continue;
              const v = view(s, []);
              if (!v.isService || (f.closed !== null && v.closed !== f.closed)) continue;
              out.push(v);
              if (++taken >= f.limit) break;
            }
          }
        }
      }
      return out.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || b.id - a.id).slice(0, f.limit);
    },

    async departmentUpdate(actor: Actor, c: CaseView, u) {
      const who = { actor };
      // The unit's own time is kept when it is clearly after the case's last change; a time at or before it
      // (clock skew, a batch sent late) would run the SLA clock backwards, so the time of receipt is used instead.
      const at = (u.at.getTime() > new Date(c.updatedAt).getTime() + 1000 ? u.at : new Date()).toISOString();
      let version = c.version;
      let state = c.state;
      if (state === 'dispatched') {
        const s = await cases().act(who, c.id, 'sign', { version, note: u.closed ? undefined : u.note || undefined, at });
        version = s.version;
        state = s.state;
      }
      if (u.closed && state === 'signed') {
        await cases().act(who, c.id, 'feedback', { version, result: u.note, at });
      }
      return (await byNo(c.caseNo))!;
    },
  };
}
