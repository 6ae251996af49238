import { useRemote } from '../../hooks/useRemote.ts';
import { getOrg, listAllOrgs, mapLimited } from '../../../modules/org/org.api.ts';
import { buildHierarchy } from './commandTree.ts';

/** Command centres in scope (GET /api/orgs?type=command_centre), their people counts, and the hierarchy. */
export function useCommandData() {
  return useRemote(async (signal) => {
    const centres = await listAllOrgs({ type: 'command_centre' }, signal);
    const details = await mapLimited(centres, 6, (c) => getOrg(c.id, signal));
    const people = new Map(details.map((d) => [d.id, d.peopleCount]));
    return { centres, people, roots: buildHierarchy(centres, people) };
  }, []);
}
