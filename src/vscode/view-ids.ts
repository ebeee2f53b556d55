// The "Container Registries" view exists twice in package.json (view ids are unique): in the Azure
// container when Azure Resources is installed, in ACR Doctor's own container otherwise. Register
// the same tree for both.
export const REGISTRIES_VIEW = 'acrDoctor.registries';
export const REGISTRIES_VIEW_IN_AZURE = 'acrDoctor.registriesInAzure';
export const REGISTRIES_VIEWS = [REGISTRIES_VIEW, REGISTRIES_VIEW_IN_AZURE] as const;
