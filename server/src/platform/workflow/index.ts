export { checkDefinition, checkTransition, availableActions, coversSubject, type WorkflowDef, type ActionDef, type SlaOp, type Subject, type Label, type TransitionCheck } from './workflow.rules.ts';
export { Workflows, WorkflowErrors, tableStore, type WorkflowStore, type SlaPort, type EmitPort, type TransitionInput, type TransitionResult } from './workflow.service.ts';
export { slaPort } from './sla-port.ts';
