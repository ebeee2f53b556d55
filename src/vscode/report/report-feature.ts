// Starts the report at activation, so its serializer can restore panels after a reload.
import type { Ctx } from '../context';
import { ReportService } from './report-service';

export function reportFeature(ctx: Ctx): void {
  ReportService.of(ctx);
}
