// JSON that can sit inside a <script> element: nothing in it can end the element, open a
// comment or break a line in old parsers, whatever the strings hold.
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
