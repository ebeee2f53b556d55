// Every fuzz target, in report order (the unit test and the bench both iterate this list).
import type { FuzzTarget } from '../harness';
import { headerTargets } from './headers';
import { dockerConfigTargets } from './docker-config';
import { tokenTargets } from './tokens';
import { bodyTargets } from './bodies';
import { armTargets } from './arm';
import { textTargets } from './text';
import { inputTargets } from './inputs';
import { webviewTargets } from './webview';

export const FUZZ_TARGETS: FuzzTarget<any>[] = [
  ...dockerConfigTargets, ...headerTargets, ...tokenTargets, ...bodyTargets, ...armTargets,
  ...textTargets, ...webviewTargets, ...inputTargets,
];
