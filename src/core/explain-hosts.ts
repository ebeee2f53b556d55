// The registry host names quoted in a pasted error, judged as a typed name is: upper case, a
// wrong or misspelt cloud suffix (contoso.azurecr.com, contoso.azurcr.io), a private-link name
// (contoso.privatelink.azurecr.io) used where the login server belongs. Data endpoint names
// (<registry>.<region>.data.azurecr.io) are the registry's own and pass.
import { CLOUD_SUFFIXES } from './registry/target';
import { editDistance } from './text/edit-distance';
import type { CauseId, Localized } from './catalogue/types';

export interface HostProblem {
  causeId: CauseId;
  host: string;
  /** The login server to use instead. */
  suggestion: string;
  /** One sentence for the explanation's notes, English and Dutch. */
  note: Localized;
}

// A host with at least two dots whose labels are DNS-like; the label that resembles "azurecr" is found below.
const HOST = /(?<![A-Za-z0-9.-])([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63}){1,5})(?![A-Za-z0-9-])/g;


function nearestSuffix(tld: string): string {
  if (tld === 'cn') return 'azurecr.cn';
  if (tld === 'us') return 'azurecr.us';
  return CLOUD_SUFFIXES[0];
}

export function hostProblems(text: string): HostProblem[] {
  const out: HostProblem[] = [];
  const seen = new Set<string>();
  for (const m of text.slice(0, 64 * 1024).matchAll(HOST)) {
    const host = m[1].replace(/\.+$/, '');
    if (seen.has(host) || seen.size > 50) continue;
    seen.add(host);
    const labels = host.toLowerCase().split('.');
    // The label that spells (or nearly spells) azurecr, not the first one (that is the registry's name).
    const at = labels.findIndex((l, i) => i > 0 && (l === 'azurecr' || (l.length >= 6 && editDistance(l, 'azurecr') <= 2)));
    if (at < 1) continue;
    const name = labels[0];
    const tld = labels.slice(at + 1).join('.');
    const between = labels.slice(1, at);
    const suffix = `azurecr.${tld}`;
    const known = labels[at] === 'azurecr' && (CLOUD_SUFFIXES as readonly string[]).includes(suffix);
    const right = known ? `${name}.${suffix}` : `${name}.${nearestSuffix(labels[labels.length - 1])}`;
    if (between.length === 2 && between[1] === 'data' && known) continue; // a data endpoint
    if (between.length === 1 && between[0] === 'privatelink') {
      out.push({ causeId: 'name.resource-name-vs-login-server', host, suggestion: right, note: {
        en: `${host} is the private DNS zone's record, not a login server: docker and az use ${right}, which resolves to the private endpoint through that zone (the registry's certificate and token service answer for ${right}).`,
        nl: `${host} is de record van de privé-DNS-zone, geen aanmeldingsserver: docker en az gebruiken ${right}, dat via die zone naar het privé-eindpunt wordt omgezet (het certificaat en de tokenservice van het register antwoorden voor ${right}).`,
      } });
      continue;
    }
    if (between.length) continue; // some other name under the domain
    if (!known) {
      out.push({ causeId: 'name.wrong-cloud-suffix', host, suggestion: right, note: {
        en: `${host} is not an Azure Container Registry login server (the suffixes are ${CLOUD_SUFFIXES.join(', ')}): did you mean ${right}?`,
        nl: `${host} is geen aanmeldingsserver van Azure Container Registry (de achtervoegsels zijn ${CLOUD_SUFFIXES.join(', ')}): bedoelt u ${right}?`,
      } });
      continue;
    }
    if (host !== host.toLowerCase()) {
      out.push({ causeId: 'name.upper-case', host, suggestion: right, note: {
        en: `${host} has upper-case letters; docker needs the login server in lower case: ${right}.`,
        nl: `${host} bevat hoofdletters; docker heeft de aanmeldingsserver in kleine letters nodig: ${right}.`,
      } });
    }
  }
  return out;
}
