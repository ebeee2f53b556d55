# The Docker Engine API from Python (docker-py, the `docker` package) meets a registry: the daemon at
# DOCKER_HOST does the registry work; login, pull and push with the auth config a program passes.
# Errors end as a service's log prints them (traceback.print_exc): docker-py's APIError, or the
# pull or push stream's error event raised as an exception.
#   python3 sdk-docker-py.py <login|pull|push> <login server> <repository>:<tag> [anonymous]
# User name and password come in ACR_CORPUS_USER / ACR_CORPUS_SECRET (never on the command line).
import os
import sys
import traceback

import docker


def main(op, server, image, mode):
    client = docker.from_env()
    auth = None if mode == 'anonymous' else {'username': os.environ.get('ACR_CORPUS_USER'), 'password': os.environ.get('ACR_CORPUS_SECRET')}
    repo, _, tag = image.partition(':')
    tag = tag or 'latest'
    if op == 'login':
        print(client.login(username=auth['username'], password=auth['password'], registry=server, reauth=True))
    elif op == 'pull':
        # The low-level stream, as services do to see the pull's own error (images.pull swallows it).
        for event in client.api.pull(f'{server}/{repo}', tag=tag, auth_config=auth, stream=True, decode=True):
            if 'error' in event:
                raise RuntimeError(event['error'])
    elif op == 'push':
        client.images.get('corpus-local/hello:v1').tag(f'{server}/{repo}', tag=tag)
        for event in client.api.push(f'{server}/{repo}', tag=tag, auth_config=auth, stream=True, decode=True):
            if 'error' in event:
                raise RuntimeError(event['error'])
    else:
        raise ValueError(f'unknown operation {op}')


if __name__ == '__main__':
    args = sys.argv[1:] + [None] * (4 - len(sys.argv[1:]))
    try:
        main(*args[:4])
    except Exception:
        traceback.print_exc()
        sys.exit(1)
