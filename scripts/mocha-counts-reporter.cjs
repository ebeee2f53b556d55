// Mocha reporter: the usual spec output, plus the counts in artifacts/results/<level>.json for
// scripts/test-all.mjs. Level from `--reporter-option level=<name>` or ACR_DOCTOR_TEST_LEVEL.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountsReporter extends Spec {
  constructor(runner, options = {}) {
    super(runner, options);
    const reporterOptions = options.reporterOption || options.reporterOptions || {};
    const level = reporterOptions.level || process.env.ACR_DOCTOR_TEST_LEVEL || 'unknown';
    const artifacts = process.env.ACR_DOCTOR_ARTIFACTS || path.join(__dirname, '..', 'artifacts');
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      const result = { level, passed: stats.passes, failed: stats.failures, skipped: stats.pending };
      fs.mkdirSync(path.join(artifacts, 'results'), { recursive: true });
      fs.writeFileSync(path.join(artifacts, 'results', `${level}.json`), JSON.stringify(result, null, 2) + '\n');
    });
  }
}

module.exports = CountsReporter;
