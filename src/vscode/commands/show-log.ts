import type { Ctx } from '../context';

export const showLog = (ctx: Ctx) => () => ctx.log.show(true);
