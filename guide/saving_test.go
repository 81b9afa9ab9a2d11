package guide

import (
	"errors"
	"strings"
	"testing"

	"knead/coach"
	"knead/journal"
	"knead/screening"
)

// flakyWriter fails like a full disk for its next fail writes: each
// fails after writing the first of its records.
type flakyWriter struct {
	real *journal.Recorder
	fail int
}

func (w *flakyWriter) Write(b journal.Batch) error {
	if w.fail <= 0 {
		return w.real.Write(b)
	}
	w.fail--
	if len(b.Records) > 1 {
		b.Records = b.Records[:1]
		w.real.Write(b)
	}
	return errors.New("database or disk is full")
}

func (w *flakyWriter) Written() int { return w.real.Written() }

// A full disk in the middle of a session loses nothing: the session goes
// on, the user is told once that saving failed and once that it works
// again, and the journal ends with every event and the right outcome.
func TestAFullDiskLosesNothing(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	clock := &testClock{now: testStart}
	f := screened(t, screening.Self, "", store, clock)
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue))
	real, ok := f.recorder.(*journal.Recorder)
	if !ok {
		t.Fatalf("recorder %T", f.recorder)
	}
	disk := &flakyWriter{real: real}
	f.recorder = disk
	disk.fail = 1000
	must(t, f, Act(Next), PainAction(3))
	if news := f.SavingNews(); !strings.Contains(news, "could not be written") || f.SaveError() == "" {
		t.Fatalf("news %q, error %q", news, f.SaveError())
	}
	must(t, f, Act(Next), PainAction(3))
	if news := f.SavingNews(); news != "" {
		t.Fatalf("told again: %q", news)
	}
	disk.fail = 0
	must(t, f, Act(Next), PainAction(2))
	if news := f.SavingNews(); !strings.Contains(news, "written again") || f.SaveError() != "" {
		t.Fatalf("news %q, error %q", news, f.SaveError())
	}
	// The disk is full for a moment just as the session ends: the last
	// tries save it whole once there is room.
	for f.State().Phase != coach.Done {
		switch f.State().Phase {
		case coach.Step:
			must(t, f, Act(Next))
		case coach.FinalPain:
			disk.fail = 3
			must(t, f, PainAction(2))
		case coach.CheckIn:
			must(t, f, PainAction(2))
		default:
			must(t, f, Act(Next))
		}
	}
	sessions, err := store.Sessions(journal.Filter{})
	if err != nil || len(sessions) != 1 {
		t.Fatalf("%v %v", sessions, err)
	}
	got, want := sessions[0], f.Summary()
	if got.Outcome != string(want.Outcome) || got.Final != want.Final || got.StepsDone != want.StepsCompleted {
		t.Fatalf("journal %+v, summary %+v", got, want)
	}
	if real.Written() != len(f.session.Log()) {
		t.Fatalf("%d of %d records written", real.Written(), len(f.session.Log()))
	}
}

// A disk still full when the session ends: the summary is right, and as
// knead ends it tries again; still failing, it says what the history
// lacks; with room again, it saves the whole session.
func TestADiskFullAtTheEndIsToldAndTriedAgainAtExit(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	clock := &testClock{now: testStart}
	f := screened(t, screening.Self, "", store, clock)
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue))
	real := f.recorder.(*journal.Recorder)
	disk := &flakyWriter{real: real, fail: 1 << 20}
	f.recorder = disk
	must(t, f, Act(Warning), Act(EndSession))
	if f.State().Phase != coach.Done || f.Summary().Outcome != coach.Stopped {
		t.Fatalf("summary %+v", f.Summary())
	}
	if line := f.Unsaved(); !strings.Contains(line, "lacks the end of this session") || !strings.Contains(line, "disk is full") {
		t.Fatalf("unsaved %q", line)
	}
	disk.fail = 0
	if line := f.Unsaved(); line != "" {
		t.Fatalf("room again, but %q", line)
	}
	sessions, _ := store.Sessions(journal.Filter{})
	if len(sessions) != 1 || sessions[0].Outcome != string(coach.Stopped) || !sessions[0].WarningSign {
		t.Fatalf("journal %+v", sessions)
	}
}
