package guide

import (
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
)

// screened returns a flow for mode past a clear screening, with the
// routine chosen, at its checklist.
func screened(t *testing.T, mode screening.Mode, name string, store *journal.Store, clock *testClock) *Flow {
	t.Helper()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: mode, PartnerName: name,
		RoutineID: "lumbar-self", SessionNumber: 3, Journal: store})
	if err != nil {
		t.Fatal(err)
	}
	if mode == screening.Partner {
		f.opts.RoutineID = "lumbar-partner"
	}
	if f.Stage() != Screening {
		return f
	}
	walkClear(t, f)
	if f.Stage() != Session {
		t.Fatalf("stage %d after a clear screening", f.Stage())
	}
	return f
}

// walkClear answers the screening so that nothing limits the massage.
func walkClear(t *testing.T, f *Flow) {
	t.Helper()
	w := f.Walk()
	for !w.Done() {
		if w.Confirming() {
			w.Confirm(true)
			continue
		}
		x := w.Current()
		if x.Type == screening.Number {
			w.Answer(screening.NumberAnswer(30))
			continue
		}
		w.AnswerText(clearOption(x).Value)
	}
	if _, err := f.Do(Act(ScreeningDone)); err != nil {
		t.Fatal(err)
	}
}

func openStore(t *testing.T) *journal.Store {
	t.Helper()
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func must(t *testing.T, f *Flow, actions ...Action) Reply {
	t.Helper()
	var last Reply
	for _, a := range actions {
		r, err := f.Do(a)
		if err != nil {
			t.Fatalf("%+v: %v", a, err)
		}
		last = r
	}
	return last
}

// TestThePainBeforeCanBeChanged: the pain before waits for enter, u takes
// it back, and 7 or more still refuses the session once confirmed.
func TestThePainBeforeCanBeChanged(t *testing.T) {
	t.Parallel()
	f := screened(t, screening.Self, "", nil, &testClock{now: testStart})
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(8))
	if q := f.Question(); f.State().Phase != coach.Baseline || !strings.Contains(q, "Pain before: 8") {
		t.Fatalf("phase %s, question %q", f.State().Phase, q)
	}
	must(t, f, Act(Undo), PainAction(3))
	r := must(t, f, Act(Continue))
	if st := f.State(); st.Phase != coach.Step || st.Baseline != 3 || r.Note != "Pain 3 noted." {
		t.Fatalf("state %+v, note %q", st, r.Note)
	}
	g := screened(t, screening.Self, "", nil, &testClock{now: testStart})
	must(t, g, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(7), Act(Continue))
	if st := g.State(); st.Prompt != coach.StopPrompt {
		t.Fatalf("pain 7 before the start did not stop: %+v", st)
	}
	if g.Valid(Undo) {
		t.Fatal("a stop can be undone")
	}
}

// TestEveryRatingIsAcknowledged, also one that did not rise.
func TestEveryRatingIsAcknowledged(t *testing.T) {
	t.Parallel()
	f := screened(t, screening.Self, "", nil, &testClock{now: testStart})
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue))
	for _, p := range []int{3, 2, 4} {
		if r := must(t, f, PainAction(p)); !strings.Contains(r.Note, "noted") {
			t.Fatalf("pain %d: note %q", p, r.Note)
		}
	}
}

// TestPartnerQuestionsAreAddressedToTheCaregiver.
func TestPartnerQuestionsAreAddressedToTheCaregiver(t *testing.T) {
	t.Parallel()
	for name, who := range map[string]string{"Anna": "Ask Anna: ", "": "Ask your partner: "} {
		f := screened(t, screening.Partner, name, nil, &testClock{now: testStart})
		must(t, f, Act(Continue))
		if q := f.Question(); !strings.HasPrefix(q, who+"which side") {
			t.Errorf("side: %q", q)
		}
		must(t, f, Action{Kind: ChooseSide, Side: coach.Left})
		if q := f.Question(); !strings.HasPrefix(q, who+"how strong") {
			t.Errorf("pain before: %q", q)
		}
	}
}

// TestQuitBeforeThePainBefore records no pain and no massage.
func TestQuitBeforeThePainBefore(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	f := screened(t, screening.Self, "", store, &testClock{now: testStart})
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, Action{Kind: Interrupt, Status: 130})
	rows, _ := store.Sessions(journal.Filter{})
	if len(rows) != 1 || rows[0].Baseline != -1 || rows[0].Final != -1 || rows[0].Outcome != "interrupted" || f.Exit() != 130 {
		t.Fatalf("rows %+v, exit %d", rows, f.Exit())
	}
	if c, _ := store.CourseFor(journal.Me, testStart); c.Number != 1 {
		t.Fatalf("a session with no massage counts toward the course: %+v", c)
	}
}

// TestAfterAStopTheNextStartAsksWhetherThePainSettled: the summary, the
// history's course and the next start say the same thing.
func TestAfterAStopTheNextStartAsksWhetherThePainSettled(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	clock := &testClock{now: testStart}
	f := screened(t, screening.Partner, "Anna", store, clock)
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue))
	for i := 0; i < 20; i++ {
		clock.now = clock.now.Add(time.Second)
		f.Tick()
	}
	must(t, f, PainAction(6), Act(EndSession))
	summary := strings.Join(f.Advice(), " ")
	course, err := store.CourseFor("Anna", clock.now.Add(time.Hour))
	if err != nil || !course.Paused || !course.SuggestedNext.IsZero() {
		t.Fatalf("course %+v, err %v", course, err)
	}
	// The history says the stop once, in its line about the last session;
	// every other piece of the summary's advice it says as the summary does.
	if history := strings.Join(course.Advice, " "); !strings.Contains(history, "stopped: Anna's "+f.Summary().StopReason) || strings.Count(history, "pain rose") != 1 {
		t.Errorf("the history says the stop other than once: %q", course.Advice)
	}
	for _, a := range f.Advice() {
		if strings.HasPrefix(a, "The session was stopped") {
			continue
		}
		if !strings.Contains(strings.Join(course.Advice, " "), a) {
			t.Errorf("the history lacks the summary's advice %q; it says %q", a, course.Advice)
		}
	}
	if !strings.Contains(summary, "settled") {
		t.Errorf("summary advice %q", summary)
	}

	clock.now = clock.now.Add(20 * time.Hour)
	lib, _ := routines.BuiltIn()
	next, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: screening.Partner, PartnerName: "Anna", Journal: store})
	if err != nil {
		t.Fatal(err)
	}
	q := next.Question()
	if next.Stage() != Settled || !strings.Contains(q, "pain rose from 3 to 6") || !strings.Contains(q, "Has Anna's pain settled") || !strings.Contains(q, "has a doctor seen Anna") {
		t.Fatalf("stage %d, question %q", next.Stage(), q)
	}
	must(t, next, Action{Kind: Answer, Yes: false})
	if next.Stage() != Ended || next.Exit() != screening.ExitStop || !strings.Contains(next.Farewell(), "doctor") {
		t.Fatalf("not settled: stage %d exit %d", next.Stage(), next.Exit())
	}
	again, _ := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: screening.Partner, PartnerName: "Anna", Journal: store})
	must(t, again, Action{Kind: Answer, Yes: true})
	if again.Stage() != Screening {
		t.Fatalf("settled: stage %d", again.Stage())
	}
	// Once settled, the course no longer says it is paused, also once
	// the screening has planned it again.
	walkClear(t, again)
	advice := strings.Join(again.Course().Advice, " ")
	if again.Course().Paused || strings.Contains(advice, "pauses until") || !strings.Contains(advice, "The pain has settled since the last session") {
		t.Fatalf("course after settled: %+v", again.Course())
	}
	// Someone else is not asked about Anna's pain.
	other, _ := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: screening.Self, Journal: store})
	if other.Stage() != Screening {
		t.Fatalf("self after Anna's stop: stage %d", other.Stage())
	}
}

// TestARehearsalIsNeverRecorded.
func TestARehearsalIsNeverRecorded(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	lib, _ := routines.BuiltIn()
	f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: &testClock{now: testStart}, Rehearse: true, RoutineID: "lumbar-self", Speed: 10, Journal: store})
	if err != nil {
		t.Fatal(err)
	}
	f.Begin()
	if f.State().Phase != coach.Step {
		t.Fatalf("phase %s", f.State().Phase)
	}
	f.Do(Action{Kind: Interrupt, Status: 130})
	if rows, _ := store.Sessions(journal.Filter{}); len(rows) != 0 || f.Exit() != 130 {
		t.Fatalf("rows %+v exit %d", rows, f.Exit())
	}
}

// TestAWarningSignBeforeTheStartStops: with the pain before waiting to be
// confirmed, w stops the session before its first step.
func TestAWarningSignBeforeTheStartStops(t *testing.T) {
	t.Parallel()
	f := screened(t, screening.Self, "", nil, &testClock{now: testStart})
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3))
	if !f.Valid(Warning) {
		t.Fatal("w is refused while the pain before waits")
	}
	must(t, f, Act(Warning))
	if st := f.State(); st.Prompt != coach.StopPrompt || st.Phase != coach.Baseline {
		t.Fatalf("a warning sign before the start did not stop: %+v", st)
	}
	if full, _ := f.StopAdvice(); !strings.HasPrefix(full, "Do not start the massage today.") {
		t.Errorf("no hands are on yet, but the advice says %q", full)
	}
	must(t, f, Act(EndSession))
	if sum := f.Summary(); sum.Outcome != coach.Stopped || sum.StepsCompleted != 0 {
		t.Fatalf("summary %+v", sum)
	}
}
