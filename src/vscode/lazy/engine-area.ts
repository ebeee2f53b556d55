// The diagnosis engine with its probes (TCP/TLS/HTTP, token exchange, dockerode), bundled apart
// as dist/engine.js and loaded on the first diagnosis through ./engine.ts. The Azure modules it
// uses come from dist/azure.js (one copy of the SDKs; scripts/extension-bundles.mjs).
export { diagnose } from '../../core/engine/diagnose';
export { answerFromExplain, answerFromReport, answerMarkdown } from '../../core/agent/answer';
export { diagnoseInput, explainInput, AgentInputError } from '../../core/agent/inputs';
export { explainText } from '../../core/explain';
export { listRepositories, listTags, CatalogError } from '../../core/acr/catalog';
export { clientStoredLogin } from '../../core/podman/stored-login';
export { lightProbe } from '../../core/net/light-probe';
export { assessPullers, type PullerAssessment } from '../../core/checks/pullers/assess';
export { verdictWord } from '../../core/checks/pullers/verdicts';
export { pullerKindLabel, pullerLabel } from '../../core/azure/pullers';
export { podmanLogout, podmanLogoutFiles } from '../../core/podman/logout';
export { secureContextFor } from '../../core/net/secure-context';
