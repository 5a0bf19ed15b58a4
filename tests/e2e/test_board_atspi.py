#!/usr/bin/python3
# test_board_atspi.py
#
# Copyright 2026 The Deals authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the board through the accessibility tree, the way a
# screen reader sees the application: the real `deals` binary is started on
# a fresh demo database, found on the AT-SPI desktop, and driven with keys
# synthesized through the AT-SPI registry. The result is checked both in the
# accessibility tree and in the SQLite file. Output is TAP.
#
# Usage: test_board_atspi.py DEALS_BINARY [GSETTINGS_SCHEMA_DIR]
#
# Needs an X display, a D-Bus session bus and Debian's python3 with pyatspi:
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" \
#     env GSK_RENDERER=cairo meson test -C _build --suite e2e
#
# The accessibility bus and the registry daemon are not started here: D-Bus
# activates org.a11y.Bus (at-spi-bus-launcher) when pyatspi first asks for
# it. dbus-run-session starts the session bus before xvfb-run sets DISPLAY,
# though, so a bus launcher activated from it would start the registry
# daemon without DISPLAY, and the registry daemon synthesizes keys and
# pointer motion through XTest on that display: without DISPLAY every
# synthesized event is silently dropped. So before pyatspi is imported, the
# test hands DISPLAY and XAUTHORITY to the session bus's activation
# environment (UpdateActivationEnvironment, what dbus-update-activation-
# environment does). If the accessibility bus was already running, this is
# too late; the test then says so instead of failing obscurely.
#
# Before that, the test opens an X connection of its own and keeps it to the
# end, so that the X server never resets under the application's feet (see
# hold_display()).

import ctypes
import ctypes.util
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

STAGES = ['Phone', 'Meeting', 'Quote', 'Won', 'Lost']
FROM_KEY, TO_KEY = 'phone', 'meeting'

# X keysyms, so that the test needs no GDK of its own.
KEY_TAB = 0xff09
KEY_RIGHT = 0xff53
KEY_Q = 0x0071

APP_TIMEOUT = 20.0
STEP_TIMEOUT = 5.0
POLL = 0.05

COUNT_RE = re.compile(r'^(?P<stage>.+): (?P<count>\d+) deals?$')


# TAP ------------------------------------------------------------------------

class Failure(Exception):
    pass


class Fatal(Failure):
    """A failure no amount of waiting mends: wait_for() gives up at once."""


class Tap:
    def __init__(self, plan):
        self.plan = plan
        self.n = 0
        self.failed = 0
        print('1..%d' % plan, flush=True)

    def diag(self, text):
        for line in str(text).splitlines() or ['']:
            print('# ' + line, flush=True)

    def check(self, description, func, *args):
        """Runs one step; a failed step fails the run, and the later steps,
        which build on it, are not run."""
        self.n += 1
        try:
            result = func(*args)
        except Failure as e:
            self.failed += 1
            print('not ok %d - %s' % (self.n, description), flush=True)
            self.diag(e)
            raise
        except Exception as e:  # an AT-SPI error, a crash of the test itself
            self.failed += 1
            print('not ok %d - %s' % (self.n, description), flush=True)
            self.diag('%s: %s' % (type(e).__name__, e))
            raise Failure(str(e))
        print('ok %d - %s' % (self.n, description), flush=True)
        return result


def wait_for(predicate, timeout=STEP_TIMEOUT, what='condition'):
    """Polls @predicate until it returns a true value or @timeout passes."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Fatal:
            raise
        except Exception as e:  # the tree changes under our feet: retry
            last_error = e
        if time.monotonic() >= deadline:
            message = 'timed out after %.1f s waiting for %s' % (timeout, what)
            if last_error is not None:
                message += ' (last error: %s: %s)' % (type(last_error).__name__, last_error)
            raise Failure(message)
        time.sleep(POLL)


# The X server -----------------------------------------------------------------

def hold_display(timeout=APP_TIMEOUT / 2):
    """Opens a connection to the X server and keeps it for the whole test.

    An X server started without -noreset (xvfb-run's default) resets when
    its last client disconnects, and drops the connections that arrive
    during the reset. The accessibility bus launcher connects only long
    enough to publish the bus address on the root window, so a `deals`
    started just after it would now and then die with "cannot open
    display". Holding a connection from the start means the client count
    never drops to zero. Returns a function that closes the connection."""
    libx11 = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
    libx11.XOpenDisplay.restype = ctypes.c_void_p
    libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    libx11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    display = wait_for(lambda: libx11.XOpenDisplay(None), timeout,
                       'a connection to the X server %s' % os.environ.get('DISPLAY'))
    return lambda: libx11.XCloseDisplay(display)


# Accessibility bus ----------------------------------------------------------

def prepare_accessibility_bus():
    """Makes sure the registry daemon D-Bus activates can reach the display.
    Returns a note for the TAP output."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    owned = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                          'org.freedesktop.DBus', 'NameHasOwner',
                          GLib.Variant('(s)', ('org.a11y.Bus',)),
                          GLib.VariantType('(b)'), Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
    if owned:
        return ('the accessibility bus was already running: synthesized keys work only '
                'if its registry daemon was started with DISPLAY set')

    activation_env = {name: os.environ[name]
                      for name in ('DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY')
                      if name in os.environ}
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                  'org.freedesktop.DBus', 'UpdateActivationEnvironment',
                  GLib.Variant('(a{ss})', (activation_env,)),
                  None, Gio.DBusCallFlags.NONE, -1, None)
    return 'accessibility bus will be activated with %s' % ', '.join(sorted(activation_env))


# Accessibility tree ---------------------------------------------------------

def role(acc):
    return acc.getRoleName()


def children(acc):
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield child


def descendants(acc, predicate, prune=None):
    """Depth-first, in document order."""
    found = []
    stack = [acc]
    while stack:
        node = stack.pop()
        if predicate(node):
            found.append(node)
        if prune is not None and prune(node):
            continue
        stack.extend(reversed(list(children(node))))
    return found


def has_state(acc, state):
    return acc.getState().contains(state)


class Board:
    """The board as the accessibility tree shows it."""

    def __init__(self, pyatspi, app):
        self.pyatspi = pyatspi
        self.app = app
        self._root = None

    def root(self):
        if self._root is None:
            boards = descendants(self.app, lambda a: a.name == 'Pipeline board',
                                 prune=lambda a: role(a) == 'list')
            self._root = boards[0] if boards else None
        return self._root

    def columns(self):
        """One (heading, count label, list) per column, in order."""
        board = self.root()
        if board is None:
            return []
        result = []
        for column in children(board):
            labels = descendants(column, lambda a: role(a) == 'label',
                                 prune=lambda a: role(a) == 'list')
            lists = descendants(column, lambda a: role(a) == 'list')
            result.append((labels[0].name if labels else None,
                           labels[1].name if len(labels) > 1 else None,
                           lists[0] if lists else None))
        return result

    def list_counts(self):
        """The deal counts the list views announce, "Phone: 20 deals"."""
        counts = []
        for heading, _, view in self.columns():
            match = COUNT_RE.match(view.name if view is not None else '')
            if match is None or match.group('stage') != heading:
                raise Failure('column %r: list view label %r is not "%s: N deals"'
                              % (heading, view.name if view is not None else None, heading))
            counts.append(int(match.group('count')))
        return counts

    def header_counts(self):
        return [int(count) for _, count, _ in self.columns()]

    def rows(self, view):
        return [row for row in children(view) if role(row) == 'list item']

    def card(self, row):
        cards = [c for c in children(row) if c.name]
        return cards[0] if cards else None

    def focused_row(self, view):
        for row in self.rows(view):
            if has_state(row, self.pyatspi.STATE_FOCUSED):
                return row
        return None


# Keyboard and pointer, through the AT-SPI registry --------------------------

class Input:
    def __init__(self, pyatspi):
        self.pyatspi = pyatspi
        self.registry = pyatspi.Registry

    def key(self, keysym, modifiers=0):
        if modifiers:
            self.registry.generateKeyboardEvent(modifiers, None, self.pyatspi.KEY_LOCKMODIFIERS)
        try:
            self.registry.generateKeyboardEvent(keysym, None, self.pyatspi.KEY_SYM)
        finally:
            if modifiers:
                self.registry.generateKeyboardEvent(modifiers, None, self.pyatspi.KEY_UNLOCKMODIFIERS)

    def control_shift(self):
        return (1 << self.pyatspi.MODIFIER_CONTROL) | (1 << self.pyatspi.MODIFIER_SHIFT)

    def control(self):
        return 1 << self.pyatspi.MODIFIER_CONTROL

    def move_pointer(self, x, y):
        self.registry.generateMouseEvent(int(x), int(y), self.pyatspi.MOUSE_ABS)


# The application ------------------------------------------------------------

def app_environment(tmp, schema_dir):
    """What `deals` runs with: in English, with the accessibility bridge,
    its data under @tmp, and settings in memory."""
    env = dict(os.environ)
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'LC_ALL', 'G_DEBUG'):
        env.pop(name, None)
    env.update({
        'GSETTINGS_BACKEND': 'memory',
        'GTK_USE_PORTAL': '0',
        'LANGUAGE': 'C',
        'LANG': 'C.UTF-8',
        'GSK_RENDERER': env.get('GSK_RENDERER', 'cairo'),
        'XDG_DATA_HOME': tmp,
    })
    if schema_dir:
        env['GSETTINGS_SCHEMA_DIR'] = schema_dir
    return env


def find_app(pyatspi, process):
    """@process's application on the AT-SPI desktop, or None yet."""
    if process.poll() is not None:
        raise Fatal('deals exited with status %d before it showed up' % process.returncode)
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app.name.lower() == 'deals' and app.get_process_id() == process.pid:
                return app
        except Exception:
            continue
    return None


# The database ---------------------------------------------------------------

def stage_counts(db_path):
    """Deals per stage key, read from the file the application writes."""
    connection = sqlite3.connect('file:%s?mode=ro' % db_path, uri=True, timeout=2.0)
    try:
        rows = connection.execute(
            'SELECT s.key, s.name_en, COUNT(d.id) FROM stages s '
            'LEFT JOIN deals d ON d.stage_id = s.id '
            'GROUP BY s.id ORDER BY s.pipeline_id, s.position').fetchall()
    finally:
        connection.close()
    return {key: (name, count) for key, name, count in rows}


# The test -------------------------------------------------------------------

def main(argv):
    if len(argv) < 2:
        print('usage: %s DEALS_BINARY [GSETTINGS_SCHEMA_DIR]' % argv[0], file=sys.stderr)
        return 2

    binary = os.path.abspath(argv[1])
    schema_dir = argv[2] if len(argv) > 2 else os.environ.get('GSETTINGS_SCHEMA_DIR')

    if 'DISPLAY' not in os.environ:
        print('1..0 # SKIP no X display (run under xvfb-run)')
        return 0

    tap = Tap(12)

    try:
        release_display = hold_display()
    except Failure as e:
        print('Bail out! %s' % e, flush=True)
        return 1
    tap.diag(prepare_accessibility_bus())
    import pyatspi  # connects to (and so activates) the accessibility bus

    tmp = tempfile.mkdtemp(prefix='deals-e2e-')
    # The default database under XDG_DATA_HOME rather than --database: a
    # --database instance is not unique, so it owns no name on the session
    # bus, and step 9 reaches the app through D-Bus.
    db_path = os.path.join(tmp, 'deals', 'deals.db')
    log_path = os.path.join(tmp, 'deals.log')

    env = app_environment(tmp, schema_dir)

    log = open(log_path, 'wb')
    process = subprocess.Popen([binary, '--procedure', 'hs', '--demo'],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    board = None
    keys = Input(pyatspi)
    status = 1

    try:
        # 1. The application shows up on the accessibility bus.
        app = tap.check('deals appears on the AT-SPI desktop',
                        lambda: wait_for(lambda: find_app(pyatspi, process), APP_TIMEOUT,
                                         'the application on the AT-SPI desktop'))
        board = Board(pyatspi, app)

        # 2. The board lists the procedure's stages, in order.
        def stages_in_order():
            def five_columns():
                columns = board.columns()
                if len(columns) == len(STAGES) and all(view is not None for _, _, view in columns):
                    return columns
                return None
            columns = wait_for(five_columns, APP_TIMEOUT / 2, 'a "Pipeline board" of five columns')
            headings = [heading for heading, _, _ in columns]
            if headings != STAGES:
                raise Failure('stage headings are %r, expected %r' % (headings, STAGES))
            tap.diag('columns: ' + ', '.join(view.name for _, _, view in columns))

        tap.check('"Pipeline board" shows the stages Phone, Meeting, Quote, Won, Lost in order',
                  stages_in_order)

        # 3. The list views' labels agree with the column headers and the file.
        def counts_agree():
            def agree():
                listed = board.list_counts()
                db = stage_counts(db_path)
                stored = [db[key][1] for key in ('phone', 'meeting', 'quote', 'won', 'lost')]
                return (listed, stored) if listed == board.header_counts() == stored else None
            try:
                listed, stored = wait_for(agree, STEP_TIMEOUT, 'counts to agree')
            except Failure:
                raise Failure('list labels %r, column headers %r, database %r'
                              % (board.list_counts(), board.header_counts(),
                                 {k: v[1] for k, v in stage_counts(db_path).items()}))
            if listed[0] < 1:
                raise Failure('the demo left no deal in Phone to move')
            names = {key: name for key, (name, _) in stage_counts(db_path).items()}
            if names.get(FROM_KEY) != STAGES[0] or names.get(TO_KEY) != STAGES[1]:
                raise Failure('stage names in the database are %r' % names)
            return listed, stored

        before, stored_before = tap.check('list labels, column headers and the database agree on the counts',
                                          counts_agree)

        # 4. The keyboard reaches a card of the first column. The pointer
        #    rests on the window title: without a window manager the X server
        #    sends keys to the window under the pointer, and a pointer over a
        #    card would select it by hover (the lists activate on single
        #    click). GTK 4 reports positions relative to the window only, and
        #    on a bare Xvfb the window sits at the screen's origin.
        def focus_first_column():
            titles = descendants(app, lambda a: role(a) == 'label' and a.name == 'Deals',
                                 prune=lambda a: role(a) == 'list')
            frame = next(children(app))
            target = titles[0] if titles else frame
            extents = target.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            keys.move_pointer(extents.x + extents.width / 2, extents.y + extents.height / 2)
            wait_for(lambda: has_state(frame, pyatspi.STATE_ACTIVE), STEP_TIMEOUT, 'the window to be active')

            first_list = board.columns()[0][2]
            for _ in range(30):
                if board.focused_row(first_list) is not None:
                    break
                keys.key(KEY_TAB)
                try:
                    wait_for(lambda: board.focused_row(first_list), 0.5, 'focus')
                except Failure:
                    pass
            row = board.focused_row(first_list)
            if row is None:
                focused = descendants(app, lambda a: has_state(a, pyatspi.STATE_FOCUSED))
                raise Failure('30 presses of Tab never focused a card of the Phone column; the focus is on %r. '
                              'If it never moved, keys synthesized through the AT-SPI registry do not '
                              'reach the display.' % [(role(a), a.name) for a in focused])
            card = board.card(row)
            if card is None or role(card) != 'panel':
                raise Failure('the focused row holds no labelled card (got %r)'
                              % ((role(card), card.name) if card is not None else None))
            if not re.search(r', owner .*, next step: ', card.name):
                raise Failure('card label %r does not read "title, company, amount, owner …, next step: …"'
                              % card.name)
            return first_list, row, card.name

        first_list, row, card_label = tap.check('Tab moves the keyboard focus onto a card of the Phone column',
                                                focus_first_column)
        tap.diag('focused card: ' + card_label)

        # 5. Tab focuses a card without selecting it. Ctrl+Shift+Right must
        #    act on the focused card, as a keyboard or screen-reader user
        #    expects, so the test makes sure nothing is selected first.
        def focused_not_selected():
            wait_for(lambda: has_state(row, pyatspi.STATE_FOCUSED), STEP_TIMEOUT,
                     'the card to keep the focus')
            if has_state(row, pyatspi.STATE_SELECTED):
                raise Failure('the focused card is also selected; the move would not test the focus path')

        tap.check('the focused card is not selected: the move acts on the focus', focused_not_selected)

        # 6. Ctrl+Shift+Right moves it to Meeting: the list labels follow.
        expected = list(before)
        expected[0] -= 1
        expected[1] += 1

        def move_right():
            keys.key(KEY_RIGHT, keys.control_shift())
            try:
                wait_for(lambda: board.list_counts() == expected, STEP_TIMEOUT,
                         'the list labels to show the move')
            except Failure:
                raise Failure('list counts went from %r to %r, expected %r'
                              % (before, board.list_counts(), expected))
            headers = board.header_counts()
            if headers != expected:
                raise Failure('column headers show %r, expected %r' % (headers, expected))
            tap.diag('columns: ' + ', '.join(view.name for _, _, view in board.columns()))

        tap.check('Ctrl+Shift+Right: "Phone" count down by one, "Meeting" up by one', move_right)

        # 7. The moved card keeps the keyboard focus, in its new column.
        def focus_follows():
            second_list = board.columns()[1][2]

            def focused_card():
                focused = board.focused_row(second_list)
                return board.card(focused) if focused is not None else None
            card = wait_for(focused_card, STEP_TIMEOUT, 'a focused card in the Meeting column')
            # Entering Meeting gives the deal a task (HS stage rules), so a
            # "No task" warning at the end of the label may go.
            def without_warning(label):
                return label.split(', warning: ')[0]
            if without_warning(card.name) != without_warning(card_label):
                raise Failure('the focused card in Meeting reads %r, expected %r' % (card.name, card_label))

        tap.check('the moved card has the keyboard focus in the Meeting column', focus_follows)

        # 8. The database agrees.
        def stored_move():
            def moved():
                db = stage_counts(db_path)
                return (db[FROM_KEY][1] == stored_before[0] - 1 and
                        db[TO_KEY][1] == stored_before[1] + 1)
            try:
                wait_for(moved, STEP_TIMEOUT, 'the move in the database')
            except Failure:
                db = stage_counts(db_path)
                raise Failure('database: phone %d -> %d, meeting %d -> %d'
                              % (stored_before[0], db[FROM_KEY][1], stored_before[1], db[TO_KEY][1]))

        tap.check('the database has one deal more in stage "meeting" and one fewer in "phone"', stored_move)

        # 9. A telephony bridge reports a missed call through the "new-lead"
        # D-Bus action (AXL-1, HS-1) to the running app. HS's first stage needs
        # an email (HS-2), which a missed call lacks, so the caller waits in
        # Leads with their number rather than opening a deal.
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

        def activate_new_lead(fields):
            names = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                  'org.freedesktop.DBus', 'ListNames', None,
                                  GLib.VariantType.new('(as)'), Gio.DBusCallFlags.NONE,
                                  -1, None).unpack()[0]
            app_ids = [n for n in names if n.startswith('org.dealsdesk.Deals')]
            if not app_ids:
                raise Failure('no org.dealsdesk.Deals name on the session bus')
            path = '/' + app_ids[0].replace('.', '/')
            bus.call_sync(app_ids[0], path, 'org.gtk.Actions', 'Activate',
                          GLib.Variant('(sava{sv})',
                                       ('new-lead', [GLib.Variant('a{ss}', fields)], {})),
                          None, Gio.DBusCallFlags.NONE, -1, None)

        def query_one(sql, args=()):
            db = sqlite3.connect('file:%s?mode=ro' % db_path, uri=True, timeout=2.0)
            try:
                return db.execute(sql, args).fetchone()
            finally:
                db.close()

        def missed_caller():
            return query_one('SELECT c.name, c.source, c.lifecycle, '
                             '(SELECT count(*) FROM deals d WHERE d.contact_id = c.id) '
                             'FROM contacts c JOIN contact_phones p ON p.contact_id = c.id '
                             'WHERE p.number = ?', ('+972507654321',))

        def dbus_missed_call():
            activate_new_lead({'phone': '050-765-4321', 'name': 'Missed Caller',
                               'source': 'missed-call'})
            try:
                wait_for(lambda: missed_caller() is not None, STEP_TIMEOUT,
                         'the missed caller in the database')
            except Failure:
                raise Failure('no contact with +972507654321 after the D-Bus call')
            # HS's template has no missed-call source: the lead has none
            # rather than a key the procedure does not know.
            row = missed_caller()
            if row != ('Missed Caller', None, 'lead', 0):
                raise Failure('stored as %r, expected a lead without a source and no deal'
                              % (row,))

        tap.check('D-Bus "new-lead" with a missed call stores the caller as a lead',
                  dbus_missed_call)

        # 10. A malformed phone is refused: nothing is added, the app lives on.
        def dbus_bad_phone():
            contacts_before = query_one('SELECT count(*) FROM contacts')[0]
            activate_new_lead({'phone': 'call me maybe', 'source': 'missed-call'})
            time.sleep(0.5)
            contacts_after = query_one('SELECT count(*) FROM contacts')[0]
            if contacts_after != contacts_before:
                raise Failure('contacts %d -> %d after a malformed phone'
                              % (contacts_before, contacts_after))
            if process.poll() is not None:
                raise Failure('deals exited (status %d) on a malformed phone' % process.returncode)

        tap.check('D-Bus "new-lead" with a malformed phone adds nothing and deals keeps running',
                  dbus_bad_phone)

        # 11. Ctrl+Q quits.
        def quit_app():
            keys.key(KEY_Q, keys.control())
            deadline = time.monotonic() + 10.0
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(POLL)
            if process.poll() is None:
                raise Failure('deals still runs 10 s after Ctrl+Q')
            if process.returncode != 0:
                raise Failure('deals exited with status %d' % process.returncode)

        tap.check('Ctrl+Q quits the application with status 0', quit_app)

        # 12. The move outlives the application.
        def persisted():
            db = stage_counts(db_path)
            if db[FROM_KEY][1] != stored_before[0] - 1 or db[TO_KEY][1] != stored_before[1] + 1:
                raise Failure('after quitting: phone %d, meeting %d (were %d, %d)'
                              % (db[FROM_KEY][1], db[TO_KEY][1], stored_before[0], stored_before[1]))

        tap.check('the move is still in the database after quitting', persisted)
        status = 0
    except Failure:
        print('Bail out! later steps depend on the failed one', flush=True)
        status = 1
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()
        with open(log_path, 'rb') as f:
            output = f.read().decode('utf-8', 'replace').strip()
        if output:
            tap.diag('deals said:')
            tap.diag('\n'.join(output.splitlines()[-40:]))
        shutil.rmtree(tmp, ignore_errors=True)
        release_display()

    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
