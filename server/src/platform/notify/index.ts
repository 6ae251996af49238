/** Platform notices: every account's inbox, written by modules in the transaction of the change they tell of. */
export { notifications } from './notify.schema.ts';
export { notify, inbox, markRead, type Notice, type NoticeInput } from './notify.service.ts';
export { registerNotifyRoutes } from './notify.routes.ts';
