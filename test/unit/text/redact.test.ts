import { strict as assert } from 'node:assert';
import { redact, redactDeep } from '../../../src/core/text/redact';

describe('redact', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwiYWNjZXNzIjpbXX0.c2lnbmF0dXJlLXBhcnQ';
  const cases: [string, string][] = [
    [`token ${jwt} here`, jwt],
    ['Authorization: Basic YWRtaW46aHVudGVyMg==', 'YWRtaW46aHVudGVyMg=='],
    ['authorization: Bearer abc.def-ghi', 'abc.def-ghi'],
    ['Proxy-Authorization: Basic dXNlcjpwdw==', 'dXNlcjpwdw=='],
    ['https://user:hunter2@proxy.example:3128', 'hunter2'],
    ['grant_type=password&username=u&password=p%40ss&service=x', 'p%40ss'],
    ['refresh_token=0123456789abcdef&scope=x', '0123456789abcdef'],
    ['{"access_token":"ya29.secret","expires_in":3600}', 'ya29.secret'],
    ['{"client_secret": "cs~123"}', 'cs~123'],
    ['docker login -u admin -p Pa55word contoso.azurecr.io', 'Pa55word'],
    ['az login --service-principal --password=S3cr3t', 'S3cr3t'],
    ['https://contoso.westeurope.data.azurecr.io/blob?sig=SIGNATURE123&se=2026', 'SIGNATURE123'],
    ['DefaultEndpointsProtocol=https;AccountKey=KEYKEYKEY==;', 'KEYKEYKEY=='],
  ];
  for (const [text, secret] of cases) {
    it(`hides the secret in "${text.slice(0, 50)}"`, () => {
      const out = redact(text);
      assert.ok(!out.includes(secret), out);
      assert.ok(out.includes('***'));
    });
  }

  it('keeps ordinary text as it is', () => {
    const t = "client with IP '192.0.2.1' is not allowed access. Refer https://aka.ms/acr/firewall";
    assert.equal(redact(t), t);
    assert.equal(redact('GET https://contoso.azurecr.io/v2/ 401'), 'GET https://contoso.azurecr.io/v2/ 401');
  });

  it('keeps the error words and statuses clients put after "token:" or "password:", hides real values', () => {
    const chain = 'unable to retrieve auth token: invalid username/password: unauthorized: authentication required';
    assert.equal(redact(chain), chain);
    const oauth = 'failed to fetch oauth token: unexpected status from POST request to https://contoso.azurecr.io/oauth2/token: 401 Unauthorized';
    assert.equal(redact(oauth), oauth);
    // oras-go quotes the token URL, then its status: `POST "…/oauth2/token": response status code 401`.
    const oras = 'POST "https://contoso.azurecr.io/oauth2/token": response status code 401: unauthorized: authentication required';
    assert.equal(redact(oras), oras);
    // docker-py names the daemon's /auth endpoint, then the status phrase.
    const dockerPy = 'docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.41/auth: Internal Server Error ("unauthorized")';
    assert.equal(redact(dockerPy), dockerPy);
    assert.ok(!redact('token: s3cr3tValue99').includes('s3cr3tValue99'));
    assert.ok(!redact('password=invalid2').includes('invalid2'));
  });

  it('hides known secret values anywhere', () => {
    assert.equal(redact('the password is plainword123 ok', ['plainword123']), 'the password is *** ok');
  });

  it('walks objects: secret-named keys hidden whole, strings redacted, cycles survive', () => {
    const o: Record<string, unknown> = { password: 'x', nested: { note: `jwt ${jwt}`, list: ['Authorization: Bearer zzz'] }, port: 443, ok: true };
    o.self = o;
    const out = redactDeep(o);
    const s = JSON.stringify({ ...out, self: undefined });
    assert.ok(!s.includes(jwt) && !s.includes('zzz'));
    assert.equal((out as { password: string }).password, '***');
    assert.equal((out as { port: number }).port, 443);
  });
});
