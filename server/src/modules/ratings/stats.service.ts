/** Published rating statistics (DOMAIN §3): per unit or per window, per month, with the satisfaction ranking. */
import { executor, type Db } from '../../platform/db/index.ts';
import { regionPrefix } from '../../platform/access/index.ts';
import * as repo from './ratings.repository.ts';
import { compareUnits, monthRange, unitRates } from './ratings.rules.ts';

export interface StatsQuery {
  regionCode?: string;
  /** 'YYYY-MM' (China time) of the matters' completion; absent: all time. */
  period?: string;
  by: 'unit' | 'window';
}

export class RatingStatsService {
  constructor(private readonly db: Db) {}

  async stats(q: StatsQuery) {
    const range = q.period ? monthRange(q.period) : null;
    const rows = await repo.unitStatistics(
      executor(this.db),
      q.by === 'unit' ? 'handling' : 'intake',
      q.regionCode ? regionPrefix(q.regionCode) : '',
      range ? range.from.toISOString() : null,
      range ? range.to.toISOString() : null,
    );
    const units = rows
      .map((r) => {
        const figures = {
          completed: r.completed,
          ratedMatters: r.rated_matters,
          ratings: r.ratings,
          bad: r.bad,
          satisfied: r.satisfied,
          levelSum: r.level_sum,
          loops: r.loops,
          calledBack: r.called_back,
          fixed: r.fixed,
        };
        return { unitId: Number(r.unit_id), unitName: r.unit_name, ...figures, ...unitRates(figures) };
      })
      .sort(compareUnits)
      .map((u, i) => ({ rank: i + 1, ...u }));
    const sum = (k: 'completed' | 'ratedMatters' | 'ratings' | 'bad' | 'satisfied' | 'levelSum' | 'loops' | 'calledBack' | 'fixed') => units.reduce((s, u) => s + u[k], 0);
    const totals = {
      completed: sum('completed'),
      ratedMatters: sum('ratedMatters'),
      ratings: sum('ratings'),
      bad: sum('bad'),
      satisfied: sum('satisfied'),
      levelSum: sum('levelSum'),
      loops: sum('loops'),
      calledBack: sum('calledBack'),
      fixed: sum('fixed'),
    };
    return { by: q.by, regionCode: q.regionCode ?? null, period: q.period ?? null, totals: { ...totals, ...unitRates(totals) }, units };
  }
}
