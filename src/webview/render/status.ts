// Status → codicon, colour class and the word a screen reader says.
import type { ReportStrings, CheckViewStatus } from '../../shared/report-protocol';

export function statusIcon(status: CheckViewStatus, running: boolean): { name: string; cls: string } {
  switch (status) {
    case 'pass': return { name: 'pass', cls: 'st-pass' };
    case 'fail': return { name: 'error', cls: 'st-fail' };
    case 'warn': return { name: 'warning', cls: 'st-warn' };
    case 'skipped': return { name: 'circle-slash', cls: 'st-skipped' };
    case 'info': return { name: 'info', cls: 'st-info' };
    default: return running ? { name: 'loading', cls: 'st-pending codicon-modifier-spin' } : { name: 'circle-large-outline', cls: 'st-pending' };
  }
}

export function statusWord(status: CheckViewStatus, t: ReportStrings): string {
  switch (status) {
    case 'pass': return t.statusPass;
    case 'fail': return t.statusFail;
    case 'warn': return t.statusWarn;
    case 'skipped': return t.statusSkipped;
    case 'info': return t.statusInfo;
    default: return t.statusPending;
  }
}

export function formatMs(ms: number | undefined, t: ReportStrings): string {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} ${t.seconds}` : `${Math.round(ms)} ${t.ms}`;
}
