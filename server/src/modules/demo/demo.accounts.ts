import { ROLE_LABELS, type Role } from '../../platform/access/index.ts';
import { createRng, syntheticResidentId, syntheticUscc } from '../../platform/ids/index.ts';
import { JIANGYIN } from './demo.data.ts';

/** The password of every demo account. Demo data only: never used outside seedDemo. */
export const DEMO_PASSWORD = 'Demo@2026';

/** The town the grid worker and the town handler work in (华士镇). */
export const DEMO_TOWN = '320281107';

export interface DemoAccountSpec {
  username: string;
  role: Role;
  kind: 'staff' | 'person' | 'legal';
  displayName: string;
  /** Organisation code the account works in (staff). */
  orgCode: string | null;
  /** Grant scope: region subtree and organisation (code) the role is limited to. */
  scopeRegion: string | null;
  scopeOrgCode: string | null;
  /** The post the staff member holds in `orgCode` (a people row is seeded for it). */
  post?: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** Chinese description of the scope, for the start-up table. */
  scopeLabel: string;
}

const county = JIANGYIN.code;

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { username: 'admin', role: 'admin', kind: 'staff', displayName: '系统管理员', orgCode: `${county}.dsj`, scopeRegion: null, scopeOrgCode: null, post: '系统管理员', sex: 'male', birthDate: '1985-03-12', scopeLabel: '全部' },
  { username: 'clerk', role: 'window_clerk', kind: 'staff', displayName: '王敏', orgCode: `${county}.zwfw`, scopeRegion: county, scopeOrgCode: null, post: '综合受理窗口工作人员', sex: 'female', birthDate: '1992-07-08', scopeLabel: '江阴市' },
  { username: 'approver', role: 'approver', kind: 'staff', displayName: '陈立', orgCode: `${county}.spj`, scopeRegion: county, scopeOrgCode: `${county}.spj`, post: '审批员', sex: 'male', birthDate: '1987-11-23', scopeLabel: '江阴市行政审批局' },
  { username: 'grid', role: 'grid_worker', kind: 'staff', displayName: '周晓东', orgCode: `${DEMO_TOWN}.cmd`, scopeRegion: DEMO_TOWN, scopeOrgCode: null, post: '专职网格员', sex: 'male', birthDate: '1990-02-17', scopeLabel: '华士镇' },
  { username: 'dispatcher', role: 'dispatcher', kind: 'staff', displayName: '刘洋', orgCode: `${county}.cyzx`, scopeRegion: county, scopeOrgCode: null, post: '指挥调度员', sex: 'female', birthDate: '1991-05-30', scopeLabel: '江阴市' },
  { username: 'handler', role: 'handler', kind: 'staff', displayName: '赵刚', orgCode: `${DEMO_TOWN}.enf`, scopeRegion: DEMO_TOWN, scopeOrgCode: `${DEMO_TOWN}.enf`, post: '执法队员', sex: 'male', birthDate: '1986-09-04', scopeLabel: '华士镇综合行政执法局' },
  { username: 'inspector', role: 'inspector', kind: 'staff', displayName: '孙丽', orgCode: `${county}.scjg`, scopeRegion: county, scopeOrgCode: `${county}.scjg`, post: '执法检查人员', sex: 'female', birthDate: '1989-12-01', scopeLabel: '江阴市市场监督管理局' },
  { username: 'staffing', role: 'staffing_officer', kind: 'staff', displayName: '吴静', orgCode: `${county}.bzb`, scopeRegion: county, scopeOrgCode: null, post: '机构编制科科员', sex: 'female', birthDate: '1988-04-19', scopeLabel: '江阴市' },
  { username: 'leader', role: 'leader', kind: 'staff', displayName: '江明远', orgCode: `${county}.gov`, scopeRegion: county, scopeOrgCode: null, post: '副市长', sex: 'male', birthDate: '1970-10-06', scopeLabel: '江阴市' },
  { username: 'person', role: 'applicant', kind: 'person', displayName: '陈思远', orgCode: null, scopeRegion: null, scopeOrgCode: null, sex: 'male', birthDate: '1988-05-16', scopeLabel: '本人事项' },
  { username: 'firm', role: 'applicant', kind: 'legal', displayName: '江阴市华士恒通纺织科技有限公司', orgCode: null, scopeRegion: null, scopeOrgCode: null, sex: 'male', birthDate: '1968-08-21', scopeLabel: '本企业事项' },
  // approvers of the departments that implement the members of 开办企业一件事 (parallel review of its sub-applications)
  { username: 'approver_gaj', role: 'approver', kind: 'staff', displayName: '钱卫国', orgCode: `${county}.gaj`, scopeRegion: county, scopeOrgCode: `${county}.gaj`, post: '治安管理审批员', sex: 'male', birthDate: '1984-06-11', scopeLabel: '江阴市公安局' },
  { username: 'approver_tax', role: 'approver', kind: 'staff', displayName: '许婷', orgCode: `${county}.swju`, scopeRegion: county, scopeOrgCode: `${county}.swju`, post: '纳税服务审批员', sex: 'female', birthDate: '1990-09-21', scopeLabel: '国家税务总局江阴市税务局' },
  { username: 'approver_rsj', role: 'approver', kind: 'staff', displayName: '何建平', orgCode: `${county}.rsj`, scopeRegion: county, scopeOrgCode: `${county}.rsj`, post: '社会保险登记审批员', sex: 'male', birthDate: '1983-02-14', scopeLabel: '江阴市人力资源和社会保障局' },
  { username: 'approver_ybj', role: 'approver', kind: 'staff', displayName: '蒋慧', orgCode: `${county}.ybj`, scopeRegion: county, scopeOrgCode: `${county}.ybj`, post: '医保参保登记审批员', sex: 'female', birthDate: '1991-12-03', scopeLabel: '江阴市医疗保障局' },
  { username: 'approver_gjj', role: 'approver', kind: 'staff', displayName: '沈磊', orgCode: `${county}.gjj`, scopeRegion: county, scopeOrgCode: `${county}.gjj`, post: '归集业务审批员', sex: 'male', birthDate: '1986-07-29', scopeLabel: '无锡市住房公积金管理中心江阴分中心' },
  { username: 'approver_zwfw', role: 'approver', kind: 'staff', displayName: '顾晓雯', orgCode: `${county}.zwfw`, scopeRegion: county, scopeOrgCode: `${county}.zwfw`, post: '企业开办专区审批员', sex: 'female', birthDate: '1993-03-08', scopeLabel: '江阴市政务服务中心（银行预约开户）' },
];

/** The resident ID of a demo account's person (deterministic, valid). */
export function demoResidentId(spec: DemoAccountSpec): string {
  return syntheticResidentId(createRng(`demo-account:${spec.username}`), county, spec.birthDate, spec.sex);
}

/** The USCC of the demo firm (an enterprise registered in Jiangyin). */
export function demoFirmUscc(): string {
  return syntheticUscc(createRng('demo-account:firm:uscc'), county, { authority: '9', kind: '1' });
}

/** The demo accounts as a text table for the console (username, role, scope, password). */
export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map((a) => [a.username, `${ROLE_LABELS[a.role].zh} ${a.role}`, a.scopeLabel, DEMO_PASSWORD]);
  const head = ['用户名 username', '角色 role', '范围 scope', '密码 password'];
  const width = (s: string) => Array.from(s).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c + ' '.repeat(cols[i] - width(c))).join('  ')}`.trimEnd();
  return [line(head), `  ${cols.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}
