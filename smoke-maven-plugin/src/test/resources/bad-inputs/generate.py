#!/usr/bin/env python3
"""Writes the repetitive inputs of the bad-input corpus (see README.md). Run from this folder.

It only writes inputs; each <name>.expected is written by BadInputCorpusTest in record mode
(-Dsmoke.corpus.record=<this folder>) and then read by a person before it is committed.
Hand-written cases live beside the generated ones; this script never deletes a file.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SCENARIO = 'format = 1\n\n[[scenario]]\nname = "a"\n'
STEP = '\n  [[scenario.step]]\n  name = "s"\n'
ECHO = '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n'


def write(folder, name, text, binary=False):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    path = os.path.join(HERE, folder, name)
    with open(path, 'wb') as out:
        out.write(text if binary else text.encode('utf-8'))


def manifest(name, top='', defaults='', scenario='', step=ECHO, tail=''):
    """A manifest with one scenario 'a' and one step 's', with extra lines at each level."""
    text = 'format = 1\n' + top
    if defaults:
        text += '\n[defaults]\n' + defaults
    text += '\n[[scenario]]\nname = "a"\n' + scenario + STEP + step + tail
    write('manifests', name + '.toml', text)


# Every key with a wrong type (one or two wrong values per key).
wrong = {
    'format-string': dict(top='', defaults=''),
}
manifest_cases = [
    ('type-format-string', 'format = "1"\n', None),
    ('type-format-float', 'format = 1.0\n', None),
    ('type-format-unsupported', 'format = 2\n', None),
]
for name, first, _ in manifest_cases:
    write('manifests', name + '.toml', first + '\n[[scenario]]\nname = "a"\n' + STEP + ECHO)

defaults_keys = [
    ('timeout', ['10', 'true']),
    ('env', ['"A=1"', '{ A = 1 }', '{ A = [ "x" ] }']),
    ('secret-env', ['"TOKEN"', '[1]', '["NOT A NAME"]']),
]
for key, values in defaults_keys:
    for i, value in enumerate(values):
        manifest('type-defaults-%s-%d' % (key, i + 1), defaults='%s = %s\n' % (key, value))

scenario_keys = [
    ('name', ['5', 'true']),
    ('description', ['3', '["x"]']),
    ('owners', ['"REL-1"', '[1]']),
    ('tags', ['"x"', '[true]']),
    ('source', ['"."', '[1]']),
    ('source.checkout', ['1', '["."]']),
    ('source.repo-url', ['1', '{ url = "x" }']),
    ('source.untracked', ['true', '"maybe"']),
    ('env', ['[]', '{ A = [] }', '"A=1"']),
    ('timeout', ['5', '{ minutes = 5 }']),
    ('requires', ['"git"']),
    ('requires.commands', ['"git"', '[1]']),
    ('requires.endpoints', ['1', '[true]']),
    ('requires.env', ['"X"', '[2]']),
    ('requires.java', ['17', '[17]']),
    ('requires.os', ['1', '"beos"']),
    ('requires.free-disk', ['1', '"lots"']),
    ('step', ['"x"', '[1, 2]']),
    ('needs', ['"b"', '[1]']),
    ('secret-env', ['1', '[true]']),
]
for key, values in scenario_keys:
    for i, value in enumerate(values):
        if key == 'name':
            text = 'format = 1\n\n[[scenario]]\nname = %s\n' % value + STEP + ECHO
            write('manifests', 'type-scenario-name-%d.toml' % (i + 1), text)
        elif key == 'step':
            write('manifests', 'type-scenario-step-%d.toml' % (i + 1),
                  'format = 1\n\n[[scenario]]\nname = "a"\nstep = %s\n' % value)
        else:
            manifest('type-scenario-%s-%d' % (key.replace('.', '-'), i + 1), scenario='%s = %s\n' % (key, value))

write('manifests', 'type-scenario-source-ref-1.toml',
      SCENARIO + 'source.repo-url = "file:///srv/git/greeter.git"\nsource.ref = 1\n' + STEP + ECHO)
write('manifests', 'type-scenario-source-ref-2.toml',
      SCENARIO + 'source.repo-url = "file:///srv/git/greeter.git"\nsource.ref = ["main"]\n' + STEP + ECHO)

step_keys = [
    ('name', ['1', '["s"]']),
    ('run', ['1', '[]']),
    ('args', ['"echo hi"', '[1]', '[]']),
    ('patch', ['1', '["patches/ok.diff"]']),
    ('export', ['"x"']),
    ('export.diff', ['1']),
    ('export.files', ['"target/*.jar"', '[1]']),
    ('service', ['"x"', '1']),
    ('http', ['"http://127.0.0.1/"']),
    ('http.get', ['1']),
    ('tcp', ['1']),
    ('tcp.connect', ['1', '"127.0.0.1"']),
    ('stop', ['1']),
    ('cwd', ['1', '["."]']),
    ('timeout', ['1', 'true']),
    ('env', ['1', '{ A = 1 }']),
    ('expect', ['"x"', '0']),
    ('blame', ['1', '"sky"']),
]
for key, values in step_keys:
    for i, value in enumerate(values):
        action = key.split('.')[0] in ('run', 'args', 'patch', 'export', 'service', 'http', 'tcp', 'stop')
        body = ('' if action else '  run = "echo hi"\n') + '  %s = %s\n  expect.stdout.contains = ["hi"]\n' % (key, value)
        if key == 'name':
            body = '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n'
            text = SCENARIO + '\n  [[scenario.step]]\n  name = %s\n' % value + body
            write('manifests', 'type-step-name-%d.toml' % (i + 1), text)
            continue
        if key == 'expect':
            body = '  run = "echo hi"\n  expect = %s\n' % value
        manifest('type-step-%s-%d' % (key.replace('.', '-'), i + 1), step=body)

expect_keys = [
    ('exit', ['"0"', '1.5', '[0, "x"]']),
    ('stdout', ['"hi"']),
    ('stdout.contains', ['"hi"', '[1]']),
    ('stdout.matches', ['1', '[true]']),
    ('stdout.not-contains', ['1']),
    ('stdout.equals-file', ['1']),
    ('stderr.contains', ['1']),
    ('output.contains', ['{ a = 1 }']),
    ('files', ['"x"']),
    ('files.exist', ['"target/x"', '[1]']),
    ('files.absent', ['1']),
    ('files.contains', ['[]', '{ "a.txt" = "b" }']),
    ('files.json', ['1', '{ "a.json" = 1 }']),
    ('files.equals-file', ['1']),
    ('json', ['"x"']),
    ('status', ['"200"']),
    ('headers', ['1']),
    ('body', ['1']),
    ('log', ['1']),
    ('no-leftover-processes', ['"yes"']),
]
for key, values in expect_keys:
    for i, value in enumerate(values):
        manifest('type-expect-%s-%d' % (key.replace('.', '-'), i + 1),
                 step='  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.%s = %s\n' % (key, value)
                 if key not in ('stdout', 'stdout.contains') else
                 '  run = "echo hi"\n  expect.%s = %s\n' % (key, value))

service_keys = [
    ('name', '1'), ('run', '1'), ('args', '"java -jar x"'), ('ready', '"x"'), ('ready.http', '1'),
    ('ready.tcp', '1'), ('ready.log', '1'), ('ready.status', '"200"'), ('ready.body', '1'),
    ('ready.timeout', '1'), ('ready.interval', 'true'), ('stop-timeout', '5'),
]
SERVICE = '  service.name = "app"\n  service.run = "java -jar app.jar"\n  service.ready.tcp = "127.0.0.1:8080"\n'
for key, value in service_keys:
    lines = [l for l in SERVICE.splitlines(True) if not l.startswith('  service.%s =' % key)]
    if key.startswith('ready.'):
        lines = [l for l in lines if not l.startswith('  service.ready.tcp') or key == 'ready.tcp'
                 or key in ('ready.status', 'ready.body', 'ready.timeout', 'ready.interval')]
        if key == 'ready.tcp':
            lines = [l for l in lines if not l.startswith('  service.ready.tcp')]
    if key == 'ready':
        lines = [l for l in lines if not l.startswith('  service.ready')]
    manifest('type-service-%s' % key.replace('.', '-'),
             step=''.join(lines) + '  service.%s = %s\n  expect.log.contains = ["up"]\n' % (key, value))

probe_keys = [
    ('http', 'post', '1'), ('http', 'body', '1'), ('http', 'body-file', '1'), ('http', 'headers', '"x"'),
    ('http', 'timeout', '1'), ('tcp', 'send', '1'), ('tcp', 'timeout', '"soon"'),
]
for kind, key, value in probe_keys:
    first = '  http.get = "http://127.0.0.1:8080/"\n' if kind == 'http' else '  tcp.connect = "127.0.0.1:8080"\n'
    if key == 'post':
        first = ''
    manifest('type-%s-%s' % (kind, key), step=first + '  %s.%s = %s\n  expect.body.contains = ["up"]\n' % (kind, key, value))

classify_keys = [('id', '1'), ('category', '1'), ('category', '"sky"'), ('matches', '1'), ('reason', '1')]
CLASSIFY = {'id': '"source.x"', 'category': '"source"', 'matches': '"boom"', 'reason': '"a boom"'}
for i, (key, value) in enumerate(classify_keys):
    entries = dict(CLASSIFY)
    entries[key] = value
    manifest('type-classify-%s-%d' % (key, i + 1),
             tail='\n[[classify]]\n' + ''.join('%s = %s\n' % kv for kv in entries.items()))
manifest('type-classify-table', top='classify = "x"\n')
manifest('type-retired-string', top='retired = "x"\n')
manifest('type-retired-entry', tail='\n[retired]\nold-one = 1\n')
manifest('type-defaults-string', top='defaults = "x"\n')

# Bad durations (step timeout).
for i, value in enumerate(['"10"', '"10x"', '"-5s"', '"0s"', '"1h30"', '""', '"5 m"', '"1.5s"',
                           '"99999999999999999999h"', '"m"']):
    manifest('duration-%02d' % (i + 1), step='  run = "echo hi"\n  timeout = %s\n  expect.stdout.contains = ["hi"]\n' % value)

# Bad regexes.
for i, value in enumerate(["'('", "'[a-'", "'*x'", "'a{2,1}'", "'\\'", "'(?<n>a)(?<n>b)'", "'(?z)'", "'\\p{Nope}'"]):
    manifest('regex-%02d' % (i + 1), step='  run = "echo hi"\n  expect.stdout.matches = [%s]\n' % value)
manifest('regex-classify', tail='\n[[classify]]\nid = "source.x"\ncategory = "source"\nmatches = "(unclosed"\nreason = "r"\n')

# Bad placeholders.
for i, value in enumerate(['"${nope}"', '"${"', '"${port.BAD}"', '"${env.}"', '"${}"',
                           '"${project.build.directory"', '"${${fixture.repo}}"', '"${smoke.nope}"']):
    manifest('placeholder-%02d' % (i + 1), step='  run = %s\n  expect.stdout.contains = ["hi"]\n' % value)
manifest('placeholder-in-env', scenario='env = { A = "${unknown.value}" }\n')
manifest('placeholder-in-cwd', step='  run = "echo hi"\n  cwd = "${what.ever}"\n  expect.stdout.contains = ["hi"]\n')

# Bad globs.
for i, value in enumerate(['"["', '"a{b"', '"{a,{b}}"', '"**/[z-a]"', '"x\\\\"']):
    manifest('glob-%02d' % (i + 1), step='  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.exist = [%s]\n' % value)
manifest('glob-export', step='  export.files = ["{a"]\n  expect.stdout.contains = ["x"]\n')

# Bad names.
for i, value in enumerate(['""', '" "', '"a b"', '"A"', '"../x"', '"a/b"', '"a\\tb"', '"' + 'x' * 300 + '"', '"-a"', '"é"']):
    write('manifests', 'name-scenario-%02d.toml' % (i + 1), 'format = 1\n\n[[scenario]]\nname = %s\n' % value + STEP + ECHO)
for i, value in enumerate(['""', '"a b"', '"S"']):
    write('manifests', 'name-step-%02d.toml' % (i + 1),
          SCENARIO + '\n  [[scenario.step]]\n  name = %s\n' % value + ECHO)
write('manifests', 'name-duplicate-scenario.toml', SCENARIO + STEP + ECHO + '\n[[scenario]]\nname = "a"\n' + STEP + ECHO)
write('manifests', 'name-duplicate-step.toml', SCENARIO + STEP + ECHO + STEP + ECHO)
write('manifests', 'name-missing-scenario.toml', 'format = 1\n\n[[scenario]]\n' + STEP + ECHO)
write('manifests', 'name-needs-unknown.toml', SCENARIO + 'needs = ["nobody"]\n' + STEP + ECHO)
write('manifests', 'name-needs-itself.toml', SCENARIO + 'needs = ["a"]\n' + STEP + ECHO)
write('manifests', 'name-secret-env-bad.toml', SCENARIO + 'secret-env = ["1TOKEN"]\n' + STEP + ECHO)

# Duplicate tables and keys.
write('manifests', 'duplicate-defaults.toml', 'format = 1\n[defaults]\ntimeout = "1m"\n[defaults]\ntimeout = "2m"\n' + '\n[[scenario]]\nname = "a"\n' + STEP + ECHO)
write('manifests', 'duplicate-retired.toml', 'format = 1\n[retired]\nx = "r"\n[retired]\ny = "r"\n' + '\n[[scenario]]\nname = "a"\n' + STEP + ECHO)
write('manifests', 'duplicate-format.toml', 'format = 1\nformat = 1\n\n[[scenario]]\nname = "a"\n' + STEP + ECHO)
write('manifests', 'duplicate-step-key.toml', SCENARIO + STEP + '  run = "echo hi"\n  run = "echo ho"\n  expect.stdout.contains = ["hi"]\n')
write('manifests', 'duplicate-dotted-key.toml', SCENARIO + STEP + ECHO + '  expect.exit = 0\n  expect.exit = 1\n')
write('manifests', 'duplicate-scenario-as-table.toml', 'format = 1\n[scenario]\nname = "a"\n[[scenario]]\nname = "b"\n')
write('manifests', 'duplicate-inline-then-table.toml', SCENARIO + STEP + '  run = "echo hi"\n  expect = { exit = 0 }\n  [scenario.step.expect]\n  exit = 1\n')
write('manifests', 'duplicate-source-table.toml', SCENARIO + 'source.checkout = "."\n[scenario.source]\ncheckout = "."\n' + STEP + ECHO)

# TOML syntax errors.
syntax = {
    'unclosed-string': 'format = 1\n[[scenario]]\nname = "a\n',
    'missing-equals': 'format 1\n',
    'key-with-space': 'format = 1\nmy key = 2\n',
    'unclosed-array': 'format = 1\n[[scenario]]\nname = "a"\nowners = ["x",\n',
    'unclosed-inline-table': 'format = 1\n[[scenario]]\nname = "a"\nenv = { A = "1"\n',
    'trailing-comma-inline': 'format = 1\n[[scenario]]\nname = "a"\nenv = { A = "1", }\n',
    'bad-escape': 'format = 1\n[[scenario]]\nname = "a\\q"\n',
    'bad-number': 'format = 1__0\n',
    'bad-date': 'format = 1\nwhen = 2026-13-45\n',
    'no-value': 'format = 1\n[[scenario]]\nname =\n',
    'unmatched-bracket': 'format = 1\n[[scenario]\nname = "a"\n',
    'unclosed-multiline': 'format = 1\n[[scenario]]\ndescription = """never closed\n',
    'control-char': 'format = 1\n[[scenario]]\nname = "a\x07b"\n',
    'no-key': 'format = 1\n= 2\n',
    'bad-unicode-escape': 'format = 1\n[[scenario]]\nname = "\\uD800"\n',
    'newline-in-inline-table': 'format = 1\n[[scenario]]\nname = "a"\nenv = { A = "1",\n B = "2" }\n',
    'table-header-garbage': 'format = 1\n[scenario x]\n',
    'two-values-one-line': 'format = 1 2\n',
    'unclosed-literal': "format = 1\n[[scenario]]\nname = 'a\n",
    'empty-table-name': 'format = 1\n[]\n',
    'dotted-trailing-dot': 'format = 1\nexpect. = 1\n',
    'leading-zero': 'format = 01\n',
    'plus-infinity-key': 'format = 1\n+inf = 2\n',
    'array-of-tables-redefines-key': 'format = 1\nscenario = 1\n[[scenario]]\nname = "a"\n',
    'html-instead': '<html><body>not toml</body></html>\n',
    'yaml-instead': 'format: 1\nscenario:\n  - name: a\n',
    'json-instead': '{"format": 1, "scenario": []}\n',
    'crlf-with-error': 'format = 1\r\n[[scenario]]\r\nname = "a\r\n',
}
for name, text in syntax.items():
    write('manifests', 'syntax-%s.toml' % name, text)

# Empty and almost empty files.
write('manifests', 'empty.toml', '')
write('manifests', 'only-whitespace.toml', '  \n\t\n\n')
write('manifests', 'only-comments.toml', '# a manifest\n# with nothing in it\n')
write('manifests', 'no-scenario.toml', 'format = 1\n')
write('manifests', 'no-format.toml', '[[scenario]]\nname = "a"\n' + STEP + ECHO)
write('manifests', 'no-steps.toml', SCENARIO)
write('manifests', 'step-without-action.toml', SCENARIO + STEP + '  expect.stdout.contains = ["hi"]\n')
write('manifests', 'step-two-actions.toml', SCENARIO + STEP + '  run = "echo hi"\n  args = ["echo", "hi"]\n  expect.stdout.contains = ["hi"]\n')
write('manifests', 'no-positive-assertion.toml', SCENARIO + STEP + '  run = "echo hi"\n  expect.exit = 0\n')
write('manifests', 'unknown-key-typo.toml', SCENARIO + STEP + ECHO + '  timout = "1m"\n')
write('manifests', 'unknown-top-key.toml', 'format = 1\nscenarios = []\n[[scenario]]\nname = "a"\n' + STEP + ECHO)

# A huge file: 4 MiB of comments, then one bad key at its end.
line = '# ' + 'filler ' * 9 + '\n'
filler = line * (4 * 1024 * 1024 // len(line))
write('manifests', 'huge-file.toml', 'format = 1\n' + filler + '[[scenario]]\nname = "a"\n' + STEP + ECHO + '  timout = "1m"\n')
# Very many scenarios, each with the same problem: every one reported, at its own line.
many = 'format = 1\n' + ''.join('\n[[scenario]]\nname = "s%d"\n' % i + STEP + '  run = "echo"\n  expect.exit = 0\n' for i in range(200))
write('manifests', 'huge-many-scenarios.toml', many)

# Deep nesting.
write('manifests', 'deep-array.toml', 'format = 1\nx = ' + '[' * 20000 + ']' * 20000 + '\n')
write('manifests', 'deep-inline-table.toml', 'format = 1\nx = ' + '{ a = ' * 20000 + '1' + ' }' * 20000 + '\n')
write('manifests', 'deep-dotted-key.toml', 'format = 1\n' + '.'.join(['k'] * 5000) + ' = 1\n')
write('manifests', 'deep-array-unclosed.toml', 'format = 1\nx = ' + '[' * 20000 + '\n')
write('manifests', 'deep-array-moderate.toml', SCENARIO + 'owners = ' + '[' * 50 + '"x"' + ']' * 50 + '\n' + STEP + ECHO)

# NUL bytes.
write('manifests', 'nul-in-comment.toml', b'format = 1\n# a \x00 here\n', binary=True)
write('manifests', 'nul-in-string.toml', b'format = 1\n[[scenario]]\nname = "a\x00b"\n', binary=True)
write('manifests', 'nul-in-key.toml', b'format = 1\nfor\x00mat = 1\n', binary=True)
write('manifests', 'nul-only.toml', b'\x00' * 64, binary=True)
write('manifests', 'nul-escaped-in-name.toml', 'format = 1\n\n[[scenario]]\nname = "a\\u0000b"\n' + STEP + ECHO)

# Not UTF-8.
write('manifests', 'encoding-latin1.toml', 'format = 1\n[[scenario]]\nname = "caf\xe9"\n'.encode('latin-1'), binary=True)
write('manifests', 'encoding-lone-continuation.toml', b'format = 1\n# \x80\n', binary=True)
write('manifests', 'encoding-overlong.toml', b'format = 1\n# \xc0\xaf\n', binary=True)
write('manifests', 'encoding-truncated-at-end.toml', b'format = 1\n# \xe2\x82', binary=True)
write('manifests', 'encoding-utf16le-bom.toml', '\ufeffformat = 1\n'.encode('utf-16-le'), binary=True)
write('manifests', 'encoding-utf16be-bom.toml', '\ufeffformat = 1\n'.encode('utf-16-be'), binary=True)
write('manifests', 'encoding-surrogate.toml', b'format = 1\n# \xed\xa0\x80\n', binary=True)
write('manifests', 'encoding-binary-garbage.toml', bytes(range(128, 256)) * 4, binary=True)
write('manifests', 'encoding-latin1-second-column.toml', 'format = 1\n# d\xe9j\xe0 vu\n'.encode('latin-1'), binary=True)
# A UTF-8 BOM is accepted: these pair it with another error, whose column is counted after the BOM.
write('manifests', 'bom-utf8-with-typo.toml', ('\ufeff' + SCENARIO + STEP + ECHO + '  timout = "1m"\n').encode('utf-8'), binary=True)
write('manifests', 'bom-utf8-then-bad-format.toml', '\ufeffformat = "one"\n'.encode('utf-8'), binary=True)
write('manifests', 'bom-twice.toml', '\ufeff\ufeffformat = 1\n'.encode('utf-8'), binary=True)


# Patches, applied to a copy of the greeter fixture whose untracked folder link 'linked-dir' points
# outside the workspace (the test makes it).
G = 'src/main/java/dev/smokegate/fixtures/greeter/Greeter.java'
HUNK = ('@@ -6,7 +6,7 @@ import java.util.Objects;\n public final class Greeter {\n \n'
        '     /** The greeting used when none is configured. */\n-    public static final String DEFAULT_GREETING = "hello";\n'
        '+    public static final String DEFAULT_GREETING = "howdy";\n \n     private final String greeting;\n \n')


def git_patch(old, new, hunk=HUNK, extra=''):
    return 'diff --git a/%s b/%s\n%s--- a/%s\n+++ b/%s\n' % (old, new, extra, old, new) + hunk


def add_patch(path, body='+evil\n'):
    return 'diff --git a/%s b/%s\nnew file mode 100644\n--- /dev/null\n+++ b/%s\n@@ -0,0 +1 @@\n%s' % (path, path, path, body)


patches = {
    'empty': '',
    'only-newlines': '\n\n\n',
    'prose': 'This is not a patch.\nIt is a letter.\n',
    'header-without-hunk': 'diff --git a/README.md b/README.md\n',
    'hunk-without-header': HUNK,
    'malformed-hunk-header': git_patch(G, G, hunk='@@ -x,y +z @@\n-a\n+b\n'),
    'hunk-counts-wrong': git_patch(G, G, hunk=HUNK.replace('@@ -6,7 +6,7 @@', '@@ -6,70 +6,70 @@')),
    'hunk-does-not-match': git_patch(G, G, hunk=HUNK.replace('"hello"', '"bonjour"')),
    'truncated-hunk': git_patch(G, G, hunk=HUNK[:HUNK.index('-    public')]),
    'file-not-in-workspace': git_patch('src/Missing.java', 'src/Missing.java'),
    'add-existing-file': add_patch('README.md'),
    'dotdot-modify': git_patch('../outside/victim.txt', '../outside/victim.txt'),
    'dotdot-add': add_patch('../outside/new.txt'),
    'dotdot-middle': add_patch('src/../../outside/new.txt'),
    'dotdot-traditional': '--- a/../outside/victim.txt\n+++ b/../outside/victim.txt\n@@ -1 +1 @@\n-x\n+y\n',
    'absolute-add': add_patch('/tmp/smoke-corpus-absolute.txt'),
    'absolute-traditional': '--- /etc/hostname\n+++ /etc/hostname\n@@ -1 +1 @@\n-x\n+y\n',
    'dot-git-config': add_patch('.git/hooks/post-checkout', '+#!/bin/sh\n'),
    'dot-git-uppercase': add_patch('.GIT/config'),
    'through-symlink-dir': add_patch('linked-dir/new.txt'),
    'through-symlink-dir-modify': git_patch('linked-dir/victim.txt', 'linked-dir/victim.txt', hunk='@@ -1 +1 @@\n-outside\n+owned\n'),
    'through-symlink-nested': add_patch('linked-dir/deeper/new.txt'),
    'new-symlink-absolute': 'diff --git a/escape b/escape\nnew file mode 120000\n--- /dev/null\n+++ b/escape\n@@ -0,0 +1 @@\n+/etc\n\\ No newline at end of file\n',
    'new-symlink-dotdot': 'diff --git a/escape b/escape\nnew file mode 120000\n--- /dev/null\n+++ b/escape\n@@ -0,0 +1 @@\n+../../..\n\\ No newline at end of file\n',
    'symlink-then-write-through': 'diff --git a/escape b/escape\nnew file mode 120000\n--- /dev/null\n+++ b/escape\n@@ -0,0 +1 @@\n+../outside\n\\ No newline at end of file\n' + add_patch('escape/new.txt'),
    'binary-without-content': 'diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..1234567\nBinary files /dev/null and b/logo.png differ\n',
    'git-binary-garbled': 'diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..1234567\nGIT binary patch\nliteral 12\nzzzzzzzzzz\n\nliteral 0\nHcmV?d00001\n\n',
    'rename-outside': 'diff --git a/README.md b/../outside/README.md\nsimilarity index 100%\nrename from README.md\nrename to ../outside/README.md\n',
    'rename-absolute': 'diff --git a/README.md b/tmp/README.md\nsimilarity index 100%\nrename from README.md\nrename to /tmp/README.md\n',
    'rename-into-symlink': 'diff --git a/README.md b/linked-dir/README.md\nsimilarity index 100%\nrename from README.md\nrename to linked-dir/README.md\n',
    'rename-missing-source': 'diff --git a/nope.md b/yes.md\nsimilarity index 100%\nrename from nope.md\nrename to yes.md\n',
    'copy-outside': 'diff --git a/README.md b/../outside/copy.md\nsimilarity index 100%\ncopy from README.md\ncopy to ../outside/copy.md\n',
    'delete-outside': 'diff --git a/../outside/victim.txt b/../outside/victim.txt\ndeleted file mode 100644\n--- a/../outside/victim.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-outside\n',
    'nul-in-path': add_patch('src/a\x00b.txt'),
    'no-file-name': 'diff --git a/ b/\nnew file mode 100644\n--- /dev/null\n+++ b/\n@@ -0,0 +1 @@\n+x\n',
}
for name, text in patches.items():
    write('patches', name + '.diff', text)
write('patches', 'crlf-whole-patch.diff', git_patch(G, G).replace('\n', '\r\n'))
write('patches', 'crlf-hunk-does-not-match.diff', git_patch(G, G, hunk=HUNK.replace('"hello"', '"hullo"')).replace('\n', '\r\n'))
write('patches', 'binary-garbage.diff', bytes(range(256)) * 8, binary=True)

# URLs, each cloned with the clone cache (no network: 127.0.0.1 ports that refuse, or file://).
# '<tmp>' stands for the case's temporary folder.
urls = {
    'scheme-unknown': 'gopher://127.0.0.1/x.git',
    'scheme-typo': 'htps://127.0.0.1/x.git',
    'scheme-javascript': 'javascript:alert(1)',
    'scheme-missing-slashes': 'http:127.0.0.1/x.git',
    'port-too-big': 'http://127.0.0.1:99999/x.git',
    'port-not-a-number': 'http://127.0.0.1:abc/x.git',
    'port-negative': 'http://127.0.0.1:-1/x.git',
    'port-refused': 'http://127.0.0.1:1/x.git',
    'credentials-refused': 'http://user:s3cretpw@127.0.0.1:1/x.git',
    'user-without-password': 'https://alice@127.0.0.1:1/x.git',
    'credentials-with-at-sign': 'http://user:s3cret@pw@127.0.0.1:1/x.git',
    'credentials-bad-port': 'http://user:s3cretpw@127.0.0.1:99999/x.git',
    'credentials-unknown-scheme': 'gopher://user:s3cretpw@127.0.0.1/x.git',
    'credentials-encoded': 'http://user:s3cret%40pw@127.0.0.1:1/x.git',
    'space-in-host': 'http://127.0.0 .1:1/x.git',
    'space-in-path-file': 'file://<tmp>/no such repo.git',
    'file-not-a-repository': 'file://<tmp>/outside',
    'file-missing': 'file://<tmp>/missing.git',
    'empty': '',
    'blank': '   ',
    'only-scheme': 'http://',
    'relative-path-missing': 'no/such/repo',
    'ssh-refused': 'ssh://git@127.0.0.1:1/x.git',
}
for name, url in urls.items():
    write('urls', name + '.url', url + '\n')

# Refs, resolved against the greeter fixture's bare remote (branch main, tag v1.0).
refs = {
    'partial-sha-7': 'abc1234',
    'partial-sha-39': 'a' * 39,
    'sha-41': 'a' * 41,
    'unknown-full-sha': '0123456789abcdef0123456789abcdef01234567',
    'dotdot-range': 'main..v1.0',
    'dotdot-path': '../../etc/passwd',
    'reflog-at': 'main@{1}',
    'reflog-upstream': 'main@{upstream}',
    'unknown-tag': 'v9.9.9',
    'unknown-tag-full': 'refs/tags/v9.9.9',
    'unknown-branch': 'does-not-exist',
    'parent-suffix': 'main~1',
    'caret-suffix': 'v1.0^{commit}',
    'space-in-name': 'my branch',
    'empty': '',
    'lock-suffix': 'main.lock',
    'head-colon': 'HEAD:README.md',
}
for name, ref in refs.items():
    write('refs', name + '.ref', ref + '\n')

# Paths in the manifest's path-bearing keys. The manifest's folder holds patches/ok.diff and an
# untracked link 'linked-dir' to a folder outside (the test makes it).
P = SCENARIO + STEP
paths = {
    'cwd-dotdot': '  run = "echo hi"\n  cwd = "../outside"\n  expect.stdout.contains = ["hi"]\n',
    'cwd-absolute': '  run = "echo hi"\n  cwd = "/etc"\n  expect.stdout.contains = ["hi"]\n',
    'cwd-nul': '  run = "echo hi"\n  cwd = "a\\u0000b"\n  expect.stdout.contains = ["hi"]\n',
    'cwd-very-long': '  run = "echo hi"\n  cwd = "%s"\n  expect.stdout.contains = ["hi"]\n' % '/'.join(['segment'] * 1000),
    'cwd-dotdot-middle': '  run = "echo hi"\n  cwd = "a/../../b"\n  expect.stdout.contains = ["hi"]\n',
    'patch-absolute-missing': '  patch = "/nonexistent/smoke.diff"\n  expect.stdout.contains = ["applied"]\n',
    'patch-nul': '  patch = "patches/ok\\u0000.diff"\n  expect.stdout.contains = ["applied"]\n',
    'patch-very-long': '  patch = "%s.diff"\n  expect.stdout.contains = ["applied"]\n' % ('x' * 5000),
    'patch-a-folder': '  patch = "patches"\n  expect.stdout.contains = ["applied"]\n',
    'files-exist-dotdot': '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.exist = ["../outside/victim.txt"]\n',
    'files-exist-absolute': '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.exist = ["/etc/passwd"]\n',
    'files-exist-nul': '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.exist = ["a\\u0000b"]\n',
    'files-contains-dotdot': '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.contains = { "../x.txt" = ["y"] }\n',
    'files-absent-absolute': '  run = "echo hi"\n  expect.stdout.contains = ["hi"]\n  expect.files.absent = ["/tmp"]\n',
    'export-files-dotdot': '  export.files = ["../../*"]\n  expect.stdout.contains = ["exported"]\n',
    'export-diff-dotdot': '  export.diff = "../changes.diff"\n  expect.stdout.contains = ["wrote"]\n',
    'export-diff-absolute': '  export.diff = "/tmp/changes.diff"\n  expect.stdout.contains = ["wrote"]\n',
    'golden-dotdot': '  run = "echo hi"\n  expect.stdout.equals-file = "../outside/golden.txt"\n',
    'golden-through-symlink': '  run = "echo hi"\n  expect.stdout.equals-file = "linked-dir/golden.txt"\n',
    'golden-absolute': '  run = "echo hi"\n  expect.stdout.equals-file = "/etc/hostname"\n',
    'http-body-file-dotdot': '  http.post = "http://127.0.0.1:8080/"\n  http.body-file = "../outside/body.json"\n  expect.body.contains = ["ok"]\n',
}
for name, step in paths.items():
    write('paths', name + '.toml', P + step)
write('paths', 'checkout-nul.toml', SCENARIO + 'source.checkout = "a\\u0000b"\n' + STEP + ECHO)
write('paths', 'checkout-very-long.toml', SCENARIO + 'source.checkout = "%s"\n' % ('d' * 5000) + STEP + ECHO)

print('written')
