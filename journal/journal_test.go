package journal

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"knead/coach"
	"knead/routines"
	"knead/screening"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestMain lets the test binary act as a knead process for the subprocess
// tests.
func TestMain(m *testing.M) {
	if dir := os.Getenv("KNEAD_JOURNAL_CHILD"); dir != "" {
		runChild(dir, os.Getenv("KNEAD_JOURNAL_CHILD_EVENTS"))
		return
	}
	os.Exit(m.Run())
}

type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

var day = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func session(t testing.TB, clock coach.Clock) *coach.Session {
	r, err := routines.Parse("test routine", []byte(sideRoutine))
	if err != nil {
		panic(err)
	}
	c := screening.Clearance{Level: screening.Clear, For: screening.Self, GivenAt: clock.Now()}
	s, err := coach.New(r, c, clock, coach.Options{SessionNumber: 3})
	if err != nil {
		panic(err)
	}
	return s
}

// sideRoutine is the routine the journal's tests record: fixed here, so that
// changes to the built-in library do not change what they replay. Its first
// step asks for a side.
const sideRoutine = `id: lumbar-self
title: Lumbar self-massage
for: self
area: lumbar
position: Lie on your side.
steps:
  - {title: Stroking towards the coccyx, technique: stroking, zone: lumbar, duration: 4m, intensity: gentle, switch_sides: true, cue: Stroke down.}
  - {title: Thumb strokes along the ribs, technique: stroking, zone: lumbar, duration: 5m, intensity: gentle, switch_sides: true, cue: Stroke outwards.}
  - {title: Closing stroking, technique: stroking, zone: lumbar, duration: 1m, intensity: gentle, cue: Stroke lightly.}
`

// runChild records a session into dir as fast as it can, printing how many
// log records are committed after each write. With a count it stops there;
// without, it runs until killed.
func runChild(dir, limit string) {
	store, _, err := Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	max, _ := strconv.Atoi(limit)
	p, err := store.Person("", screening.Self)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	clock := &fakeClock{now: time.Now()}
	s := session(nil, clock)
	id, err := store.StartSession(p.ID, "lumbar-self", len(s.Steps()), 1, clock.now)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("session", id)
	rec := store.NewRecorder(id)
	s.Handle(coach.E(coach.Confirm))
	s.Handle(coach.SideEvent(coach.Left))
	s.Handle(coach.RateEvent(2))
	written := 0
	for i := 0; max == 0 || written < max; i++ {
		clock.now = clock.now.Add(time.Second)
		if i%3 == 0 {
			s.Handle(coach.E(coach.Pause))
			s.Handle(coach.E(coach.Resume))
		} else {
			s.Handle(coach.E(coach.Tick))
		}
		log := s.Log()
		if err := rec.Write(Batch{From: written, Records: log[written:], Summary: s.Summary(), State: s.State()}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		written = len(log)
		fmt.Println("committed", written)
	}
	os.Exit(0)
}

// childLog replays the child's session in process and returns its first n
// log records.
func childLog(n int) []coach.Record {
	clock := &fakeClock{now: time.Now()}
	s := session(nil, clock)
	s.Handle(coach.E(coach.Confirm))
	s.Handle(coach.SideEvent(coach.Left))
	s.Handle(coach.RateEvent(2))
	for i := 0; len(s.Log()) < n; i++ {
		clock.now = clock.now.Add(time.Second)
		if i%3 == 0 {
			s.Handle(coach.E(coach.Pause))
			s.Handle(coach.E(coach.Resume))
		} else {
			s.Handle(coach.E(coach.Tick))
		}
	}
	return s.Log()[:n]
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data", "knead")
	s, notices, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(notices) != 0 {
		t.Errorf("notices on a fresh start: %v", notices)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, FileName): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", path, got, want)
		}
	}
}

func TestOpenFixesLoosePermissions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, FileName)
	os.Chmod(path, 0o644)
	os.Chmod(dir, 0o755)
	s, notices, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %04o", info.Mode().Perm())
	}
	joined := strings.Join(notices, "\n")
	if !strings.Contains(joined, path+" private (mode 0600, was 0644)") || !strings.Contains(joined, "chmod 700 "+dir) {
		t.Fatalf("notices: %v", notices)
	}
	// The folder was not knead's to change.
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Fatalf("folder mode %04o", info.Mode().Perm())
	}
}

func TestCorruptFileIsReportedAndLeftAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	garbage := make([]byte, 8192)
	rand.Read(garbage)
	os.WriteFile(path, garbage, 0o600)
	_, _, err := Open(dir)
	var oe *OpenError
	if !errors.As(err, &oe) || !oe.Corrupt || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "left it untouched") {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, garbage) {
		t.Fatal("the corrupt file was changed")
	}
	// A file with a valid header but a damaged body.
	damaged := append([]byte("SQLite format 3\x00"), garbage...)
	os.WriteFile(path, damaged, 0o600)
	_, _, err = Open(dir)
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), path) {
		t.Fatalf("damaged body: err = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Fatal("the damaged file was changed")
	}
}

func TestMigratesAVersion1Database(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Build a version-1 file, as the first version of knead left it.
	s, _, err := Open(t.TempDir()) // any store, for its driver
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	s = &Store{db: db, now: time.Now}
	if err := s.migrateTo(1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO people (name, is_self, created_at) VALUES ('me', 1, '2026-01-01T00:00:00Z');
		INSERT INTO sessions (person_id, routine, started_at, steps_planned, outcome) VALUES (1, 'lumbar-self', '2026-01-01T10:00:00.000000000Z', 3, 'completed')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion || SchemaVersion < 2 {
		t.Fatalf("version %d, want %d", version, SchemaVersion)
	}
	rows, err := s.Sessions(Filter{})
	if err != nil || len(rows) != 1 || rows[0].Routine != "lumbar-self" || rows[0].Outcome != "completed" {
		t.Fatalf("sessions after migration: %+v %v", rows, err)
	}
	if _, _, err := s.StandingAnswers(Person{ID: 1, Self: true}, screening.Default(), time.Now()); err != nil {
		t.Fatalf("version 2 table missing: %v", err)
	}
}

func TestRecorderWritesInLogOrder(t *testing.T) {
	t.Parallel()
	st, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, _ := st.Person("Ann", screening.Partner)
	clock := &fakeClock{now: day}
	s := session(t, clock)
	id, err := st.StartSession(p.ID, "lumbar-self", 3, 2, day)
	if err != nil {
		t.Fatal(err)
	}
	rec := st.NewRecorder(id)
	var batches []Batch
	from := 0
	for _, e := range []coach.Event{coach.E(coach.Confirm), coach.SideEvent(coach.Right), coach.RateEvent(3), coach.RateEvent(4), coach.E(coach.Ack), coach.E(coach.Next), coach.RateEvent(6), coach.E(coach.EndSession)} {
		clock.now = clock.now.Add(time.Second)
		s.Handle(e)
		log := s.Log()
		batches = append(batches, Batch{From: from, Records: log[from:], Summary: s.Summary(), State: s.State()})
		from = len(log)
	}
	// Deliver them out of order, as concurrent commands may.
	for _, i := range []int{3, 1, 0, 2, 7, 5, 6, 4} {
		if err := rec.Write(batches[i]); err != nil {
			t.Fatal(err)
		}
	}
	events, err := st.Events(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != len(s.Log()) {
		t.Fatalf("%d events stored, %d logged", len(events), len(s.Log()))
	}
	for i, e := range events {
		kind, _, _, _ := describe(s.Log()[i])
		if e.Kind != kind {
			t.Fatalf("event %d is %q, want %q", i, e.Kind, kind)
		}
	}
	rows, _ := st.Sessions(Filter{Person: "Ann"})
	if len(rows) != 1 {
		t.Fatalf("rows %+v", rows)
	}
	x := rows[0]
	if x.Outcome != "stopped" || x.Baseline != 3 || x.Final != 6 || x.StopReason != "pain rose from 3 to 6" || x.StepsDone != 0 || x.StepsSkipped != 1 || !x.PainStop || x.CourseNumber != 2 {
		t.Fatalf("session %+v", x)
	}
}

// child starts this test binary as a knead process recording into dir.
func child(t *testing.T, dir string, events int) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KNEAD_JOURNAL_CHILD="+dir, fmt.Sprintf("KNEAD_JOURNAL_CHILD_EVENTS=%d", events))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func TestKillNineLosesAtMostTheEventInFlight(t *testing.T) {
	dir := t.TempDir()
	cmd, lines := child(t, dir, 0)
	committed := 0
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if f[0] == "error" {
			t.Fatal(lines.Text())
		}
		if f[0] == "committed" {
			committed, _ = strconv.Atoi(f[1])
			if committed >= 40 {
				cmd.Process.Kill() // SIGKILL: no chance to clean up
				break
			}
		}
	}
	cmd.Wait()
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Sessions(Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %+v, err %v", rows, err)
	}
	if rows[0].Outcome != OutcomeInterrupted || rows[0].Step < 1 || rows[0].Baseline != 2 {
		t.Fatalf("session after kill -9: %+v", rows[0])
	}
	events, _ := s.Events(rows[0].ID)
	// Everything reported committed is there (the child went on writing
	// until the signal landed), and what is there is an unbroken prefix of
	// the session's log: the kill cost at most the record in flight.
	if len(events) < committed {
		t.Fatalf("%d events stored, %d were committed before the kill", len(events), committed)
	}
	want := childLog(len(events))
	for i, e := range events {
		kind, _, _, _ := describe(want[i])
		if e.Kind != kind {
			t.Fatalf("event %d is %q, the session logged %q", i, e.Kind, kind)
		}
	}
	marked, err := s.MarkInterrupted()
	if err != nil || len(marked) != 1 {
		t.Fatalf("marked %v, err %v", marked, err)
	}
	if again, _ := s.MarkInterrupted(); len(again) != 0 {
		t.Fatal("marked twice")
	}
}

func TestTwoProcessesWritingAtOnce(t *testing.T) {
	dir := t.TempDir()
	const n = 150
	var wg sync.WaitGroup
	errs := make(chan string, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd, lines := child(t, dir, n)
			for lines.Scan() {
				if strings.HasPrefix(lines.Text(), "error") {
					errs <- lines.Text()
				}
			}
			if err := cmd.Wait(); err != nil {
				errs <- err.Error()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, _ := s.Sessions(Filter{})
	if len(rows) != 2 {
		t.Fatalf("%d sessions", len(rows))
	}
	for _, x := range rows {
		events, _ := s.Events(x.ID)
		if len(events) < n {
			t.Errorf("session %d: %d events, want at least %d", x.ID, len(events), n)
		}
	}
}

func TestStandingAnswers(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	q := screening.Default()
	p, _ := s.Person("", screening.Self)
	a := screening.Answers{"hernia": screening.Yes, "hernia-approved": screening.Yes, "fever": screening.No, "osteoporosis": screening.No, "pain-examined": screening.OptionAnswer("no-pain")}
	if err := s.SaveStandingAnswers(p, q, a, day); err != nil {
		t.Fatal(err)
	}
	got, at, err := s.StandingAnswers(p, q, day.Add(29*24*time.Hour))
	if err != nil || !at.Equal(day) || len(got) != 4 || got["pain-examined"].String() != "no-pain" {
		t.Fatalf("got %v at %v, err %v", got, at, err)
	}
	if _, ok := got["fever"]; ok {
		t.Fatal("a today question was stored")
	}
	if got, _, _ := s.StandingAnswers(p, q, day.Add(31*24*time.Hour)); len(got) != 0 {
		t.Fatal("answers older than 30 days were returned")
	}
}

// TestConfirmingKeepsTheDate: a screening that kept the remembered answers
// ("nothing has changed") saves only what was answered afresh, so the date
// of the last full answering stays and the questions come back 30 days
// after it, however often the answers are confirmed.
func TestConfirmingKeepsTheDate(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	q := screening.Default()
	p, _ := s.Person("Anna", screening.Partner)
	if err := s.SaveStandingAnswers(p, q, screening.Answers{"osteoporosis": screening.Yes, "hernia": screening.Yes, "hernia-approved": screening.Yes}, day); err != nil {
		t.Fatal(err)
	}
	for d := 1; d <= 29; d++ {
		at := day.Add(time.Duration(d) * 24 * time.Hour)
		kept, first, _ := s.StandingAnswers(p, q, at)
		if len(kept) < 3 || !first.Equal(day) {
			t.Fatalf("day %d: %v answered %v", d, kept, first)
		}
		// Confirmed: only a newly asked question is fresh.
		if err := s.SaveStandingAnswers(p, q, screening.Answers{"steroids": screening.No}, at); err != nil {
			t.Fatal(err)
		}
	}
	if kept, _, _ := s.StandingAnswers(p, q, day.Add(31*24*time.Hour)); len(kept) != 0 {
		t.Fatalf("confirming moved the 30-day clock: %v still remembered", kept)
	}
	// Answering hernia afresh as no drops its stale follow-up.
	if err := s.SaveStandingAnswers(p, q, screening.Answers{"hernia": screening.No}, day.Add(2*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if kept, _, _ := s.StandingAnswers(p, q, day.Add(3*24*time.Hour)); kept["hernia-approved"] != (screening.Answer{}) {
		t.Fatalf("stale follow-up kept: %v", kept)
	}
}

func TestUnnamedPartnerIsNotRemembered(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	q := screening.Default()
	p, _ := s.Person("", screening.Partner)
	if err := s.SaveStandingAnswers(p, q, screening.Answers{"osteoporosis": screening.Yes}, day); err != nil {
		t.Fatal(err)
	}
	if kept, _ := s.Recall("", screening.Partner, q, day.Add(time.Hour)); len(kept) != 0 {
		t.Fatalf("an unnamed partner's answers were remembered: %v", kept)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM standing_answers").Scan(&n)
	if n != 0 {
		t.Fatalf("%d answers stored for an unnamed partner", n)
	}
}

func TestDelete(t *testing.T) {
	t.Parallel()
	s, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{"Ann", "Bob"} {
		p, _ := s.Person(name, screening.Partner)
		s.StartSession(p.ID, "back-classic", 6, 1, day)
	}
	if ok, err := s.DeletePerson("Ann"); !ok || err != nil {
		t.Fatalf("delete Ann: %v %v", ok, err)
	}
	rows, _ := s.Sessions(Filter{})
	if len(rows) != 1 || rows[0].Person != "Bob" {
		t.Fatalf("after deleting Ann: %+v", rows)
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.Sessions(Filter{}); len(rows) != 0 {
		t.Fatal("sessions left after delete-all")
	}
	raw, _ := os.ReadFile(s.Path())
	if bytes.Contains(raw, []byte("Ann")) || bytes.Contains(raw, []byte("back-classic")) {
		t.Fatal("deleted data still in the file")
	}
}

// TestPartnerCalledMeIsNotYou: a partner named "me" (in any case) never
// gets the user's own record and remembered answers.
func TestPartnerCalledMeIsNotYou(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, err := s.Person("", screening.Self); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"me", "Me", "ME"} {
		if p, err := s.Person(name, screening.Partner); err == nil {
			t.Errorf("partner %q got person %+v", name, p)
		}
	}
}

// openTemp opens a store in a fresh folder, closed when the test ends.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
