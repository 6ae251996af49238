/**
 * Export of the catalog as xlsx or CSV, with the columns of the import
 * mapping (import.rules.ts COLUMNS, canonical Chinese headers), so an export
 * re-imports unchanged. Items are read page by page (the item list's filters
 * and order) and written to a stream as they come, so a large catalog is
 * never held in memory.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { executor, query, type Db } from '../../platform/db/index.ts';
import { subtreePrefix } from '../org/index.ts';
import type { ItemContent } from './catalog.content.ts';
import * as catalogRepo from './catalog.repository.ts';
import { loadTypeLabels, type ItemQuery, type TypeLabels } from './catalog.service.ts';
import { csvLine, guardFormula, UTF8_BOM } from './csv.ts';
import { HANDLING_STEP } from './import.row.ts';
import { COLUMNS, type ColumnDef, type FieldKey } from './import.rules.ts';
import * as v from './import.values.ts';

/** The exported columns, in order. */
export const EXPORT_COLUMNS: readonly ColumnDef[] = COLUMNS.filter((c) => !c.importOnly);

export type ExportFilter = Pick<ItemQuery, 'type' | 'kind' | 'orgId' | 'regionCode' | 'level' | 'lifeEvent' | 'applicantKind' | 'online' | 'q'> & {
  status?: 'published' | 'retired';
};

/** One item to write: its published content and the facts kept beside it. */
export interface ExportItem {
  id: number;
  implCode: string;
  regionCode: string;
  orgCode: string | null;
  content: ItemContent;
}

const PAGE = 500;

/** The cells of one item, in EXPORT_COLUMNS order. */
export function exportCells(item: ExportItem, seq: number, labels: TypeLabels): string[] {
  const c = item.content;
  const fees = v.formatFees(c.fees);
  const resp = v.formatResponsibilities(c.responsibilities);
  const cell: Record<FieldKey, string> = {
    seq: String(seq),
    name: c.name,
    mainName: '',
    subItemName: c.subItemName ?? '',
    variant: c.variant ? v.VARIANT_LABELS[c.variant] : '',
    itemType: labels[c.itemType].zh,
    baseCode: c.baseCode ?? '',
    implCode: item.implCode,
    implementingBody: c.implementingBody.name,
    orgCode: item.orgCode ?? '',
    handlingUnit: c.process.find((p) => p.name === HANDLING_STEP)?.actor ?? '',
    level: v.LEVEL_LABELS[c.level],
    legalBasis: v.formatLegalBasis(c.legalBasis),
    acceptanceConditions: v.formatList(c.acceptanceConditions),
    materials: v.formatList(c.materials.map((m) => m.name)),
    statutoryDays: v.formatDays(c.statutoryDays),
    promisedDays: v.formatDays(c.promisedDays),
    visits: c.visits === null ? '' : String(c.visits),
    online: v.formatYesNo(c.channels.includes('online')),
    channels: c.channels.map((ch) => v.CHANNEL_LABELS[ch]).join('、'),
    handlingMode: c.handlingMode ? v.HANDLING_MODE_LABELS[c.handlingMode] : '',
    scope: c.scope.map((s) => v.SCOPE_LABELS[s]).join('、'),
    applicantKinds: c.applicantKinds.map((k) => v.APPLICANT_LABELS[k]).join('、'),
    fees: fees.text,
    feeBasis: fees.basis,
    commitmentAllowed: v.formatYesNo(c.commitmentAllowed),
    lifeEvents: c.lifeEvents.join('、'),
    place: c.place ?? '',
    hours: c.hours ?? '',
    consultPhone: c.consultPhone ?? '',
    complaintPhone: c.complaintPhone ?? '',
    responsibilities: resp.text,
    responsibilityBasis: resp.basis,
    accountability: v.formatList(c.accountability),
    integrityRisks: v.formatList(c.integrityRisks),
    regionCode: item.regionCode,
    remarks: c.remarks ?? '',
  };
  return EXPORT_COLUMNS.map((col) => cell[col.key]);
}

/** Column widths of the workbook (characters). */
const WIDTH: Partial<Record<FieldKey, number>> = {
  seq: 6,
  name: 40,
  subItemName: 30,
  implCode: 44,
  baseCode: 18,
  implementingBody: 24,
  orgCode: 22,
  legalBasis: 60,
  acceptanceConditions: 40,
  materials: 40,
  responsibilities: 60,
  responsibilityBasis: 40,
  accountability: 50,
  remarks: 30,
};

export class CatalogExportService {
  constructor(private readonly db: Db) {}

  /** The items matching the filter, a page at a time, in the item list's order (name, id). */
  async *pages(f: ExportFilter): AsyncGenerator<ExportItem[]> {
    const filter: catalogRepo.ItemFilter = {
      type: f.type,
      kind: f.kind,
      orgId: f.orgId,
      regionPrefix: f.regionCode === undefined ? undefined : subtreePrefix(f.regionCode),
      level: f.level,
      lifeEvent: f.lifeEvent,
      applicantKind: f.applicantKind,
      online: f.online,
      status: f.status ?? 'published',
      q: f.q,
    };
    let after: unknown[] | undefined;
    for (;;) {
      const ex = executor(this.db);
      const rows = await catalogRepo.listItems(ex, filter, 'name', after, PAGE);
      const page = rows.slice(0, PAGE);
      if (page.length === 0) return;
      const ids = JSON.stringify(page.map((r) => r.id));
      const full = await query<{ id: number; content: ItemContent; org_code: string | null }>(
        ex,
        sql`select i.id, i.content, o.code as org_code from catalog_items i left join organisations o on o.id = i.org_id
             where i.id in (select (jsonb_array_elements_text(${ids}::jsonb))::int)`,
      );
      const byId = new Map(full.map((r) => [r.id, r]));
      yield page.map((r) => {
        const x = byId.get(r.id)!;
        return { id: r.id, implCode: r.impl_code, regionCode: r.region_code, orgCode: x.org_code, content: x.content };
      });
      if (rows.length <= PAGE) return;
      const last = page[page.length - 1];
      after = [last.name, last.id];
    }
  }

  /**
   * CSV (UTF-8 with BOM, CRLF) as a stream. A text cell that a spreadsheet
   * would run as a formula (= + - @ first) gets a leading apostrophe, which
   * the CSV import removes again.
   */
  csv(f: ExportFilter): Readable {
    const lines = async function* (this: CatalogExportService): AsyncGenerator<string> {
      const labels = await loadTypeLabels(executor(this.db));
      yield UTF8_BOM + csvLine(EXPORT_COLUMNS.map((c) => c.header));
      let seq = 0;
      for await (const page of this.pages(f)) yield page.map((item) => csvLine(exportCells(item, ++seq, labels).map(guardFormula))).join('');
    };
    return Readable.from(lines.call(this));
  }

  /** An xlsx workbook as a stream (exceljs streaming writer: rows are flushed as they are written). */
  xlsx(f: ExportFilter): Readable {
    const out = new PassThrough();
    const run = async () => {
      const labels = await loadTypeLabels(executor(this.db));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      wb.creator = 'Tongban 通办';
      const ws = wb.addWorksheet('事项清单', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = EXPORT_COLUMNS.map((c) => ({ key: c.key, width: WIDTH[c.key] ?? 14 }));
      const head = ws.addRow(EXPORT_COLUMNS.map((c) => c.header));
      head.font = { bold: true };
      head.commit();
      let seq = 0;
      for await (const page of this.pages(f)) {
        for (const item of page) ws.addRow(exportCells(item, ++seq, labels)).commit();
      }
      ws.commit();
      await wb.commit();
    };
    run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
    return out;
  }
}
