/** The services module's parts over one application context (built once per context). */
import type { AppContext } from '../../context.ts';
import { ServicesCore } from './services.core.ts';
import { ApplyService } from './apply.service.ts';
import { IntakeService } from './intake.service.ts';
import { ReviewService } from './review.service.ts';
import { SuperviseService } from './supervise.service.ts';

export interface Services {
  core: ServicesCore;
  apply: ApplyService;
  intake: IntakeService;
  review: ReviewService;
  supervise: SuperviseService;
}

const built = new WeakMap<AppContext, Services>();

export function servicesOf(ctx: AppContext): Services {
  let s = built.get(ctx);
  if (!s) {
    const core = new ServicesCore(ctx);
    const apply = new ApplyService(core);
    const intake = new IntakeService(core, apply);
    s = { core, apply, intake, review: new ReviewService(core, apply), supervise: new SuperviseService(core, intake) };
    built.set(ctx, s);
  }
  return s;
}
