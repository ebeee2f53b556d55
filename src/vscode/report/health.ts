// A diagnosis in one word, for the tree's badge.
import type { DiagnosisReport } from '../../core/engine/types';

export function healthOf(report: DiagnosisReport): 'pass' | 'warn' | 'fail' {
  if (report.causes.some((c) => c.status === 'fail') || report.findings.some((f) => f.status === 'fail')) return 'fail';
  if (report.causes.length || report.findings.some((f) => f.status === 'warn')) return 'warn';
  return 'pass';
}
