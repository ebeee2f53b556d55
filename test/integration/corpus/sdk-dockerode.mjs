// The Docker Engine API as an SDK client meets a registry: dockerode (the daemon at DOCKER_HOST does
// the registry work) checking a login, pulling and pushing, with the auth config a program passes.
// Errors end as a service's log prints them: dockerode's own ("(HTTP code 500) server error - …")
// or the progress stream's error event, thrown as an Error.
//   node sdk-dockerode.mjs <login|pull|push> <login server> <repository>:<tag> [anonymous]
// User name and password come in ACR_CORPUS_USER / ACR_CORPUS_SECRET (never on the command line).
import Docker from 'dockerode';

const [op, server, image, mode] = process.argv.slice(2);
const docker = new Docker();
const authconfig = mode === 'anonymous' ? undefined : { username: process.env.ACR_CORPUS_USER, password: process.env.ACR_CORPUS_SECRET, serveraddress: server };

/** Waits for a pull or push stream; its error event (the daemon answered 200, then failed) is thrown. */
function follow(stream) {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err, out) => (err ? reject(err) : resolve(out)), (event) => {
      if (event.error) reject(new Error(event.error));
    });
  });
}

async function main() {
  if (op === 'login') {
    console.log(await docker.checkAuth(authconfig));
  } else if (op === 'pull') {
    await follow(await docker.pull(`${server}/${image}`, authconfig ? { authconfig } : {}));
  } else if (op === 'push') {
    const [repo, tag] = image.split(':');
    await docker.getImage('corpus-local/hello:v1').tag({ repo: `${server}/${repo}`, tag });
    await follow(await docker.getImage(`${server}/${image}`).push(authconfig ? { authconfig } : {}));
  } else {
    throw new Error(`unknown operation ${op}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
