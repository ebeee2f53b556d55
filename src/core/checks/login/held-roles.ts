// The roles an identity holds, as a message: each role with the group it comes through, since
// when, under which condition or at which scope, so each part is said in the reader's language.
import { isoDate } from '../../text/dates';
import { joinMessages, msg, renderMessage, type Message } from '../../text/message';

export interface HeldRole { role: string; principalId: string; createdOn?: Date; condition?: string; scope?: string }
export interface HeldRoleParts { since?: boolean; condition?: boolean; scope?: boolean }

/** One role; `own` is the identity's principal id, so a role held through a group names the group. */
export function heldRole(x: HeldRole, own: string | undefined, show: HeldRoleParts = {}): Message {
  let m: Message = own && x.principalId.toLowerCase() !== own.toLowerCase()
    ? msg('{role} through group {group}', { role: x.role, group: x.principalId })
    : msg('{text}', { text: x.role });
  if (show.condition && x.condition) m = msg('{held} (with a repository condition)', { held: m });
  if (show.since && x.createdOn) m = msg('{held} (since {date})', { held: m, date: isoDate(x.createdOn) });
  if (show.scope && x.scope) m = msg('{held} at {scope}', { held: m, scope: x.scope });
  return m;
}

/** Every role, comma-separated; "none" when there is none. */
export function heldRoles(list: readonly HeldRole[], own: string | undefined, show: HeldRoleParts = {}): Message {
  return list.length ? joinMessages(list.map((x) => heldRole(x, own, show)), ', ') : msg('none');
}

/** The same list in English, for evidence (facts stay in one language in logs, JSON and SARIF). */
export function heldRolesText(list: readonly HeldRole[], own: string | undefined, show: HeldRoleParts = {}): string {
  return renderMessage(heldRoles(list, own, show));
}
