// Command ids the tree's rows invoke (declared in package.json, handlers in src/vscode/commands).
export const TREE_COMMANDS = {
  signIn: 'acrDoctor.signIn',
  signOut: 'acrDoctor.signOut',
  signInToTenant: 'acrDoctor.signInToTenant',
  selectSubscriptions: 'acrDoctor.selectSubscriptions',
  addRegistry: 'acrDoctor.addRegistry',
  removeRegistry: 'acrDoctor.removeRegistry',
  refresh: 'acrDoctor.refreshRegistries',
  diagnose: 'acrDoctor.diagnose',
  diagnosePull: 'acrDoctor.diagnosePull',
  diagnosePush: 'acrDoctor.diagnosePush',
  loadMore: 'acrDoctor.loadMore',
} as const;
