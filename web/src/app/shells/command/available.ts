/** The command screen shows the command-centre hierarchy; it needs the organisation API. */
export const COMMAND_REQUIRES = ['GET /api/orgs', 'GET /api/people'];

export const commandScreenAvailable = (has: (op: string) => boolean) => COMMAND_REQUIRES.every(has);
