#!/usr/bin/env python3
"""
Runs a command on a pseudo-terminal of its own, as a person's terminal (or an SSH session) would, and prints
one JSON object: the exit status (or the signal that killed it) and everything it printed.

  pty.py COLS ROWS PATTERN ACTION TIMEOUT -- COMMAND...

Once the output matches the regular expression PATTERN, ACTION happens:
  hangup       the terminal closes (the master side is closed: a dropped SSH connection)
  signal:NAME  the command gets that signal (signal:TERM, signal:INT, signal:HUP)
  keys:TEXT    TEXT is typed
TIMEOUT seconds after the start the command is killed (status null, signal KILL) so that a hang fails the test.
"""
import fcntl, json, os, re, select, signal, struct, sys, termios, time

def main():
    cols, rows, pattern, action, timeout = sys.argv[1:6]
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, master = os.forkpty()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', int(rows), int(cols), 0, 0))
        os.execvp(command[0], command)
    output, acted, deadline = b'', False, time.monotonic() + float(timeout)

    def read():
        nonlocal master, output
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the command and everything it started have let go of the terminal
            chunk = b''
        if not chunk:
            os.close(master)
            master = None
        output += chunk

    exited, status = 0, 0
    while not exited:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
        if master is not None and select.select([master], [], [], 0.05)[0]:
            read()
        elif master is None:
            time.sleep(0.05)
        if not acted and re.search(pattern.encode(), output):
            acted = True
            if action == 'hangup':
                os.close(master)
                master = None
            elif action.startswith('signal:'):
                os.kill(pid, getattr(signal, 'SIG' + action[7:]))
            elif action.startswith('keys:'):
                os.write(master, action[5:].encode())
        exited, status = os.waitpid(pid, os.WNOHANG)
    while master is not None and select.select([master], [], [], 0.2)[0]:
        read()
    print(json.dumps({
        'status': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        'signal': signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None,
        'acted': acted,
        'output': output.decode('utf8', 'replace'),
    }))

main()
