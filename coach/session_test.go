package coach

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"knead/routines"
	"knead/screening"
)

func TestConstructionBehindTheGate(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	classic, _ := lib.Get("back-classic")
	gentle, _ := lib.Get("gentle-back")
	clock := newClock()
	cases := []struct {
		name string
		r    *routines.Routine
		c    screening.Clearance
		want error
	}{
		{"clear allows", classic, clearance(screening.Clear, screening.Partner), nil},
		{"gentle refuses a firm routine", classic, clearance(screening.Gentle, screening.Partner), ErrNotAllowed},
		{"gentle allows a gentle routine", gentle, clearance(screening.Gentle, screening.Partner), nil},
		{"stop refuses", gentle, clearance(screening.Stop, screening.Partner), ErrNotAllowed},
		{"urgent refuses", gentle, clearance(screening.Urgent, screening.Self), ErrNotAllowed},
		{"wrong audience", classic, clearance(screening.Clear, screening.Self), ErrNotAllowed},
		{"no clearance at all", gentle, screening.Clearance{}, ErrExpired},
		{"yesterday's clearance", gentle, screening.Clearance{Level: screening.Clear, For: screening.Self, GivenAt: start.Add(-24 * time.Hour)}, ErrExpired},
	}
	for _, tc := range cases {
		_, err := New(tc.r, tc.c, clock, Options{})
		if !errors.Is(err, tc.want) && !(tc.want == nil && err == nil) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestTransitions(t *testing.T) {
	t.Parallel()
	type step struct {
		event  Event
		phase  Phase
		prompt Prompt
		err    bool
	}
	cases := []struct {
		name  string
		setup func(*testing.T, *Session, *fakeClock)
		steps []step
	}{
		{"preparation to first step", nil, []step{
			{E(Pause), Preparation, NoPrompt, true},
			{E(Confirm), PainfulSide, NoPrompt, false},
			{SideEvent("up"), PainfulSide, NoPrompt, true},
			{SideEvent(Right), Baseline, NoPrompt, false},
			{RateEvent(11), Baseline, NoPrompt, true},
			{RateEvent(2), Step, NoPrompt, false},
		}},
		{"pause and resume", startedSetup, []step{
			{E(Resume), Step, NoPrompt, true},
			{E(Pause), Step, NoPrompt, false},
			{E(Pause), Step, NoPrompt, true},
			{E(Resume), Step, NoPrompt, false},
		}},
		{"next leads to check-in, a rating to the next step", startedSetup, []step{
			{E(Next), CheckIn, NoPrompt, false},
			{E(Pause), CheckIn, NoPrompt, true},
			{RateEvent(3), Step, NoPrompt, false},
		}},
		{"ease prompt and acknowledgement", startedSetup, []step{
			{RateEvent(4), Step, EasePrompt, false},
			{E(Resume), Step, EasePrompt, true},
			{E(Ack), Step, NoPrompt, false},
		}},
		{"ease prompt at check-in", startedSetup, []step{
			{E(Next), CheckIn, NoPrompt, false},
			{RateEvent(4), CheckIn, EasePrompt, false},
			{E(Ack), Step, NoPrompt, false},
		}},
		{"stop prompt, then finish gently", startedSetup, []step{
			{RateEvent(5), Step, StopPrompt, false},
			{E(Next), Step, StopPrompt, true},
			{E(Resume), Step, StopPrompt, true},
			{E(FinishGently), Step, NoPrompt, false},
		}},
		{"stop prompt, then end", startedSetup, []step{
			{RateEvent(6), Step, StopPrompt, false},
			{E(FinishGently), Step, StopPrompt, true},
			{E(EndSession), Done, NoPrompt, false},
		}},
		{"warning sign forbids finishing gently", startedSetup, []step{
			{E(Warning), Step, StopPrompt, false},
			{E(FinishGently), Step, StopPrompt, true},
			{E(EndSession), Done, NoPrompt, false},
		}},
		{"severe pain without a big rise stops", func(t *testing.T, s *Session, c *fakeClock) {
			must(t, s, E(Confirm), SideEvent(SideNone), RateEvent(6))
		}, []step{
			{RateEvent(7), Step, StopPrompt, false},
			// A rating of 7 or more withdraws finishing gently.
			{E(FinishGently), Step, StopPrompt, true},
		}},
		{"baseline of 7 stops before the first step", func(t *testing.T, s *Session, c *fakeClock) {
			must(t, s, E(Confirm), SideEvent(SideNone))
		}, []step{
			{RateEvent(7), Baseline, StopPrompt, false},
			{E(FinishGently), Baseline, StopPrompt, true},
			{E(EndSession), Done, NoPrompt, false},
		}},
		{"user stop", startedSetup, []step{
			{E(RequestStop), Step, StopPrompt, false},
			{E(FinishGently), Step, NoPrompt, false},
		}},
		{"quit ends from anywhere", startedSetup, []step{
			{E(Quit), Done, NoPrompt, false},
			{E(Quit), Done, NoPrompt, true},
		}},
		{"back restarts the previous step", startedSetup, []step{
			{E(Next), CheckIn, NoPrompt, false},
			{RateEvent(3), Step, NoPrompt, false},
			{E(Back), Step, NoPrompt, false},
		}},
		{"rest, final pain, done", func(t *testing.T, s *Session, c *fakeClock) {
			startedSetup(t, s, c)
			must(t, s, E(Next), RateEvent(3), E(Next), RateEvent(3), E(Next))
		}, []step{
			{RateEvent(3), Rest, NoPrompt, false},
			{E(Back), Rest, NoPrompt, true},
			{E(Pause), Rest, NoPrompt, false},
			{E(Resume), Rest, NoPrompt, false},
			{E(Next), FinalPain, NoPrompt, false},
			{RateEvent(4), Done, NoPrompt, false},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			clock := newClock()
			s := newSession(t, testRoutine(), clock)
			if tc.setup != nil {
				tc.setup(t, s, clock)
			}
			for i, st := range tc.steps {
				clock.Advance(time.Second)
				_, err := s.Handle(st.event)
				var nn *NotNowError
				if st.err != errors.As(err, &nn) {
					t.Fatalf("step %d (%s): err = %v, want error: %v", i, st.event, err, st.err)
				}
				got := s.State()
				if got.Phase != st.phase || got.Prompt != st.prompt {
					t.Fatalf("step %d (%s): %s/%s, want %s/%s", i, st.event, got.Phase, got.Prompt, st.phase, st.prompt)
				}
			}
		})
	}
}

func startedSetup(t *testing.T, s *Session, _ *fakeClock) {
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(3))
}

func TestCountdownFromTheDeadline(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	clock.Advance(1500 * time.Millisecond)
	if got := s.State().Remaining; got != 58500*time.Millisecond {
		t.Fatalf("remaining %s", got)
	}
	must(t, s, E(Pause))
	clock.Advance(time.Hour / 2) // paused time never counts, and no gap prompt
	must(t, s, E(Tick))
	if st := s.State(); st.Remaining != 58500*time.Millisecond || st.Prompt != NoPrompt || !st.Paused {
		t.Fatalf("paused state %+v", st)
	}
	must(t, s, E(Resume), E(Extend))
	if got := s.State().Remaining; got != 88500*time.Millisecond {
		t.Fatalf("after extend: remaining %s", got)
	}
	// Ticks that arrive late or irregularly do not change when it ends.
	for _, d := range []time.Duration{700, 1300, 999, 4900, 1} {
		clock.Advance(d * time.Millisecond)
		must(t, s, E(Tick))
	}
	cues := advance(t, s, clock, 80*time.Second)
	if s.State().Phase != Step || hasCue(cues, CueStepEnd) {
		t.Fatalf("step ended early")
	}
	clock.Advance(599 * time.Millisecond)
	if cues := must(t, s, E(Tick)); hasCue(cues, CueStepEnd) {
		t.Fatal("step ended 1 ms early")
	}
	clock.Advance(time.Millisecond)
	cues = must(t, s, E(Tick))
	if !hasCue(cues, CueStepEnd) || s.State().Phase != CheckIn {
		t.Fatalf("step did not end on its deadline: %v", kinds(cues))
	}
	if got := s.Summary().Active; got != 90*time.Second {
		t.Fatalf("active %s, want 1m30s", got)
	}
}

func TestSuspendGap(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 10*time.Second)
	clock.Advance(MaxGap) // exactly 5 s is still a tick
	if cues := must(t, s, E(Tick)); hasCue(cues, CueGap) {
		t.Fatal("a 5 s gap was treated as a suspend")
	}
	clock.Advance(10 * time.Minute) // the laptop slept
	cues := must(t, s, E(Tick))
	st := s.State()
	if !hasCue(cues, CueGap) || st.Prompt != GapPrompt || !st.Frozen {
		t.Fatalf("no gap prompt: %v %+v", kinds(cues), st)
	}
	if st.Remaining != 45*time.Second {
		t.Fatalf("the gap was counted: remaining %s", st.Remaining)
	}
	if _, err := s.Handle(E(Next)); err == nil {
		t.Fatal("next accepted in the gap prompt")
	}
	must(t, s, E(ResumeStep))
	clock.Advance(time.Second)
	if got := s.State().Remaining; got != 44*time.Second {
		t.Fatalf("after resume: %s", got)
	}
	// A key press after a gap opens the prompt too, before anything else.
	clock.Advance(time.Minute)
	if _, err := s.Handle(E(Extend)); err == nil || s.State().Prompt != GapPrompt {
		t.Fatalf("extend after a gap: err %v, prompt %s", err, s.State().Prompt)
	}
	must(t, s, E(RestartStep))
	if got := s.State().Remaining; got != 60*time.Second {
		t.Fatalf("after restart: %s", got)
	}
}

func TestCourseDose(t *testing.T) {
	t.Parallel()
	for n, want := range map[int][]time.Duration{
		0: {36 * time.Second, 24 * time.Second, 18 * time.Second},
		1: {36 * time.Second, 24 * time.Second, 18 * time.Second},
		2: {48 * time.Second, 32 * time.Second, 24 * time.Second},
		3: {60 * time.Second, 40 * time.Second, 30 * time.Second},
		9: {60 * time.Second, 40 * time.Second, 30 * time.Second},
	} {
		s, err := New(testRoutine(), clearance(screening.Clear, screening.Self), newClock(), Options{SessionNumber: n})
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range s.Steps() {
			if st.Duration != want[i] {
				t.Errorf("session %d step %d: %s, want %s", n, i, st.Duration, want[i])
			}
		}
	}
	// Rounded to whole seconds: 2m30s at 60 % is 90 s, 7 s at 80 % is 6 s.
	if got := dose(150*time.Second, 0.6); got != 90*time.Second {
		t.Errorf("dose(150s, .6) = %s", got)
	}
	if got := dose(7*time.Second, 0.8); got != 6*time.Second {
		t.Errorf("dose(7s, .8) = %s", got)
	}
}

func TestSideOrderStartsOppositeThePain(t *testing.T) {
	t.Parallel()
	for painful, first := range map[Side]Side{Left: Right, Right: Left, SideBoth: Left, SideNone: Left} {
		clock := newClock()
		s := newSession(t, testRoutine(), clock)
		must(t, s, E(Confirm), SideEvent(painful), RateEvent(2), E(Next), RateEvent(2))
		cues := must(t, s, E(Tick))
		st := s.State()
		if st.Side != first || st.FirstSide != first {
			t.Errorf("pain %s: first side %s, want %s (%v)", painful, st.Side, first, kinds(cues))
		}
		cues = advance(t, s, clock, 20*time.Second)
		var sw *Cue
		for i := range cues {
			if cues[i].Kind == CueSideSwitch {
				sw = &cues[i]
			}
		}
		if sw == nil || sw.Side != first.opposite() || s.State().Side != first.opposite() {
			t.Errorf("pain %s: no switch to %s at half time: %v", painful, first.opposite(), kinds(cues))
		}
	}
}

func TestCuesOfAStep(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := newSession(t, testRoutine(), clock)
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(2), E(Next), RateEvent(2), E(Next))
	cues := must(t, s, RateEvent(2))
	if kinds(cues)[0] != CueStepStart || cues[0].Title != "Three" || cues[0].Text != "three" || cues[0].Duration != 30 {
		t.Fatalf("step start cue %+v", cues)
	}
	if len(cues) != 2 || cues[1].Kind != CuePass || cues[1].Pass != 1 || cues[1].PassMin != 4 || cues[1].PassMax != 5 {
		t.Fatalf("first pass cue %+v", cues)
	}
	cues = advance(t, s, clock, 30*time.Second)
	var got []string
	for _, c := range cues {
		switch c.Kind {
		case CuePass:
			got = append(got, fmt.Sprintf("pass %d", c.Pass))
		default:
			got = append(got, c.Kind.String())
		}
	}
	want := "pass 2,pass 3,pass 4,ten seconds,pass 5,step end,check-in"
	if strings.Join(got, ",") != want {
		t.Fatalf("cues %v, want %s", got, want)
	}
	cues = must(t, s, RateEvent(2))
	if kinds(cues)[0] != CueRestStart || s.State().Phase != Rest {
		t.Fatalf("after the last check-in: %v", kinds(cues))
	}
	cues = advance(t, s, clock, 10*time.Minute)
	if fmt.Sprint(kinds(cues)) != fmt.Sprint([]CueKind{CueTenSeconds, CueRestEnd, CueCheckIn}) {
		t.Fatalf("rest cues %v", kinds(cues))
	}
	cues = must(t, s, RateEvent(2))
	// Steps one and two were skipped: the session is shortened, not
	// completed.
	if sum := s.Summary(); kinds(cues)[0] != CueSessionEnd || sum.Outcome != Shortened || sum.StepsSkipped != 2 || sum.StepsCompleted != 1 {
		t.Fatalf("end: %v %+v", kinds(cues), sum)
	}
}

// TestWorseRatingUnderTheStopPrompt: baseline 3, then 5 stops with
// finishing gently offered; 9 under the stop prompt names the worse pain
// and withdraws it; a warning sign is added to the reasons.
func TestWorseRatingUnderTheStopPrompt(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 5*time.Second)
	must(t, s, RateEvent(5))
	if st := s.State(); st.Prompt != StopPrompt || !st.CanFinishGently || st.StopReason != "pain rose from 3 to 5" {
		t.Fatalf("after 5: %+v", st)
	}
	must(t, s, RateEvent(9))
	if st := s.State(); st.CanFinishGently || st.StopReason != "pain rose from 3 to 9" {
		t.Fatalf("after 9 under the stop prompt: can finish %v, reason %q", st.CanFinishGently, st.StopReason)
	}
	must(t, s, RateEvent(4), E(Warning))
	if got := s.State().StopReason; got != "pain rose from 3 to 9; a warning sign (sharp or shooting pain, numbness or tingling)" {
		t.Fatalf("reasons %q", got)
	}
	must(t, s, E(EndSession))
	if sum := s.Summary(); sum.Outcome != Stopped || !strings.Contains(sum.StopReason, "3 to 9") {
		t.Fatalf("summary %+v", sum)
	}
}

// TestGentleFinishStaysWithinThreeMinutes: + and b cannot stretch the
// gentle finish.
func TestGentleFinishStaysWithinThreeMinutes(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 5*time.Second)
	must(t, s, E(RequestStop), E(FinishGently))
	if !s.State().FinishingGently {
		t.Fatal("not finishing gently")
	}
	for _, e := range []Event{E(Extend), E(Back)} {
		if _, err := s.Handle(e); err == nil {
			t.Errorf("%s accepted during the gentle finish", e)
		}
	}
	if got := s.State().Total; got > MaxFinishGently {
		t.Fatalf("gentle finish of %s", got)
	}
}

// TestRiseOfOneStopsUnderGentleClearance: with a hernia or another reason
// for gentle routines only, any rise ends the session, and finishing
// gently is not offered.
func TestRiseOfOneStopsUnderGentleClearance(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s, err := New(testRoutine(), clearance(screening.Gentle, screening.Self), clock, Options{SessionNumber: 3})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(3))
	advance(t, s, clock, 5*time.Second)
	cues := must(t, s, RateEvent(4))
	st := s.State()
	if !hasCue(cues, CueStop) || st.Prompt != StopPrompt || st.CanFinishGently {
		t.Fatalf("rise of 1 under a gentle clearance: prompt %s, can finish %v, cues %v", st.Prompt, st.CanFinishGently, kinds(cues))
	}
}

func TestEasePressurePrompt(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 5*time.Second)
	cues := must(t, s, RateEvent(4))
	if !hasCue(cues, CueEase) || s.State().Prompt != EasePrompt || !s.State().Frozen {
		t.Fatalf("no ease prompt: %v", kinds(cues))
	}
	clock.Advance(time.Minute)
	must(t, s, E(Tick))
	if got := s.State().Remaining; got != 55*time.Second {
		t.Fatalf("time ran in the prompt: %s", got)
	}
	must(t, s, E(Ack))
	if s.State().Frozen {
		t.Fatal("still frozen after ack")
	}
	// A user pause before the prompt survives it.
	must(t, s, E(Pause), RateEvent(4), E(Ack))
	if st := s.State(); !st.Paused || !st.Frozen {
		t.Fatalf("pause lost: %+v", st)
	}
}

func TestStopPromptFreezesAndExplains(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 5*time.Second)
	cues := must(t, s, RateEvent(6))
	st := s.State()
	if !hasCue(cues, CueStop) || st.Prompt != StopPrompt || st.StopReason != "pain rose from 3 to 6" || st.CanFinishGently {
		t.Fatalf("stop state %+v %v", st, kinds(cues))
	}
	advance(t, s, clock, 2*time.Minute)
	if got := s.State().Remaining; got != 55*time.Second {
		t.Fatalf("clock ran under the stop prompt: %s", got)
	}
	must(t, s, E(EndSession))
	sum := s.Summary()
	if sum.Outcome != Stopped || sum.StopReason != "pain rose from 3 to 6" || sum.Final != 6 || sum.Baseline != 3 {
		t.Fatalf("summary %+v", sum)
	}
	if len(sum.Advice) < 2 || !strings.Contains(strings.Join(sum.Advice, " "), "see a doctor") {
		t.Fatalf("advice %v", sum.Advice)
	}
}

func TestFinishGently(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	advance(t, s, clock, 10*time.Second)
	must(t, s, RateEvent(5), E(FinishGently))
	st := s.State()
	// 50 s left of step one, 40 + 30 of the others: 2 min, under the cap.
	if st.Step == nil || st.Step.Intensity != routines.Gentle || st.Step.Technique != routines.Stroking || st.Total != 2*time.Minute || !st.FinishingGently {
		t.Fatalf("gentle step %+v", st)
	}
	if st.StepCount != 2 || st.NextTitle != "" {
		t.Fatalf("rest of the session not replaced: %+v", st)
	}
	advance(t, s, clock, 2*time.Minute)
	must(t, s, RateEvent(4)) // a rise of 1 after finishing gently: the ease prompt
	must(t, s, E(Ack))
	if s.State().Phase != Rest {
		t.Fatalf("phase %s after the gentle step", s.State().Phase)
	}
	// A second stop while finishing gently only allows ending.
	s2 := started(t, newClock())
	must(t, s2, RateEvent(5), E(FinishGently), RateEvent(5))
	if s2.State().CanFinishGently {
		t.Fatal("finish gently offered twice")
	}
}

func TestFinishGentlyIsCapped(t *testing.T) {
	t.Parallel()
	lib, _ := routines.BuiltIn()
	r, _ := lib.Get("lumbar-partner")
	clock := newClock()
	s, err := New(r, clearance(screening.Clear, screening.Partner), clock, Options{SessionNumber: 5})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s, E(Confirm), SideEvent(Right), RateEvent(2), E(Warning))
	if s.State().CanFinishGently {
		t.Fatal("finish gently after a warning sign")
	}
	s, _ = New(r, clearance(screening.Clear, screening.Partner), clock, Options{SessionNumber: 5})
	must(t, s, E(Confirm), SideEvent(Right), RateEvent(2), RateEvent(4), E(FinishGently))
	if got := s.State().Total; got != MaxFinishGently {
		t.Fatalf("gentle step %s, want %s", got, MaxFinishGently)
	}
}

func TestSummaryAdvice(t *testing.T) {
	t.Parallel()
	for final, want := range map[int]string{5: "see a doctor", 4: "soreness", 3: "", 1: ""} {
		clock := newClock()
		s := started(t, clock)
		must(t, s, E(Next), RateEvent(3), E(Next), RateEvent(3), E(Next), RateEvent(3), E(Next), RateEvent(final))
		sum := s.Summary()
		got := strings.Join(sum.Advice, " ")
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("final %d: advice %q, want %q", final, got, want)
		}
		if sum.StepsCompleted != 0 || sum.StepsSkipped != 3 || sum.Outcome != Shortened || len(sum.Ratings) != 5 {
			t.Errorf("final %d: summary %+v", final, sum)
		}
	}
}

func TestEveryBuiltInRoutineRunsToTheSummary(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.All() {
		for _, mode := range []screening.Mode{screening.Self, screening.Partner} {
			c := clearance(screening.Clear, mode)
			if ok, _ := c.Allows(r); !ok {
				continue
			}
			clock := newClock()
			s, err := New(r, c, clock, Options{SessionNumber: 4})
			if err != nil {
				t.Fatal(err)
			}
			must(t, s, E(Confirm), SideEvent(Right), RateEvent(2))
			for s.State().Phase != Done {
				switch s.State().Phase {
				case CheckIn, FinalPain:
					must(t, s, RateEvent(2))
				default:
					clock.Advance(time.Second)
					must(t, s, E(Tick))
				}
			}
			sum := s.Summary()
			if sum.Outcome != Completed || sum.StepsCompleted != len(r.Steps) || sum.Active != r.Total() || sum.Rest != r.Aftercare.Rest {
				t.Errorf("%s: summary %+v, want active %s", r.ID, sum, r.Total())
			}
		}
	}
}

func TestLogHoldsAcceptedEventsAndCuesInOrder(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	s.Handle(E(Resume)) // refused: not logged
	must(t, s, E(Pause))
	var got []string
	for _, rec := range s.Log() {
		if rec.Event != nil {
			got = append(got, "event:"+rec.Event.String())
		} else {
			got = append(got, "cue:"+rec.Cue.Kind.String())
		}
	}
	want := "event:confirm,event:side left,event:pain 3,cue:step start,event:pause"
	if strings.Join(got, ",") != want {
		t.Fatalf("log %v, want %s", got, want)
	}
}

func TestNoCharmDependency(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "charm.land/") || strings.Contains(dep, "charmbracelet") {
			t.Errorf("coach depends on %s", dep)
		}
	}
}

func TestRehearsalPlaysStepsWithoutPrompts(t *testing.T) {
	t.Parallel()
	clock := newClock()
	r := NewRehearsal(testRoutine(), clock, 1)
	must2 := func(e Event) []Cue {
		cues, err := r.Handle(e)
		if err != nil {
			t.Fatal(err)
		}
		return cues
	}
	must2(E(Confirm))
	must2(SideEvent(SideNone))
	must2(RateEvent(0))
	var all []Cue
	for i := 0; i < 200 && r.State().Phase != Done; i++ {
		clock.Advance(time.Second)
		all = append(all, must2(E(Tick))...)
	}
	if r.State().Phase != Done || r.Summary().StepsCompleted != 3 {
		t.Fatalf("rehearsal did not play through: %+v", r.State())
	}
	if !hasCue(all, CueSessionEnd) {
		t.Fatal("no session end cue")
	}
}

func TestScaledClock(t *testing.T) {
	t.Parallel()
	base := newClock()
	c := Scaled(base, 10)
	base.Advance(1500 * time.Millisecond)
	if got := c.Now().Sub(start); got != 15*time.Second {
		t.Fatalf("scaled clock advanced %s", got)
	}
}

func TestCheckInOnlyWhenASideIsDone(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s, err := New(testRoutine(), clearance(screening.Clear, screening.Self), clock, Options{SessionNumber: 3, CheckInAtSides: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(2), E(Next))
	// Step one does not switch sides: straight on to step two.
	if st := s.State(); st.Phase != Step || st.StepIndex != 1 {
		t.Fatalf("after step one: %s step %d", st.Phase, st.StepIndex)
	}
	must(t, s, E(Next)) // step two switches sides: a check-in
	if st := s.State(); st.Phase != CheckIn {
		t.Fatalf("after step two: %s", st.Phase)
	}
	must(t, s, RateEvent(2), E(Next)) // the last step: a check-in
	if st := s.State(); st.Phase != CheckIn {
		t.Fatalf("after the last step: %s", st.Phase)
	}
}

// A self-massage does both techniques on one side, then turns over: the
// steps name the side (opposite the pain first), and with CheckInAtSides
// the check-in comes when the first side is done.
func TestStepsThatWorkOneSide(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Get("lumbar-self")
	for painful, want := range map[Side][4]Side{
		Left:  {Right, Right, Left, Left},
		Right: {Left, Left, Right, Right},
	} {
		s, err := New(r, clearance(screening.Clear, screening.Self), newClock(), Options{SessionNumber: 3, CheckInAtSides: true})
		if err != nil {
			t.Fatal(err)
		}
		must(t, s, E(Confirm), SideEvent(painful), RateEvent(2))
		var got [4]Side
		var phases []Phase
		for i := range got {
			got[i] = s.State().Side
			must(t, s, E(Next))
			phases = append(phases, s.State().Phase)
			if s.State().Phase == CheckIn && i < 3 {
				must(t, s, RateEvent(2)) // a rating starts the next step
			}
		}
		if got != want {
			t.Errorf("pain on the %s: sides %v, want %v", painful, got, want)
		}
		if fmt.Sprint(phases[:3]) != fmt.Sprint([]Phase{Step, CheckIn, Step}) {
			t.Errorf("phases after each step: %v; want a check-in only after the first side", phases)
		}
	}
}

func TestRehearsalGapScalesWithSpeed(t *testing.T) {
	t.Parallel()
	clock := newClock()
	r := NewRehearsal(testRoutine(), clock, 10)
	r.Handle(E(Confirm))
	r.Handle(SideEvent(SideNone))
	r.Handle(RateEvent(0))
	clock.Advance(30 * time.Second) // 3 s of real time at speed 10
	if cues, _ := r.Handle(E(Tick)); hasCue(cues, CueGap) || r.State().Prompt == GapPrompt {
		t.Fatal("a short real pause was taken as a suspend")
	}
	clock.Advance(60 * time.Second) // 6 s of real time
	r.Handle(E(Tick))
	if r.State().Prompt != GapPrompt {
		t.Fatal("a real suspend was missed")
	}
}

// TestWarningSignAtTheFinalPainQuestion: a warning sign felt after the
// rest ends the session as stopped, and the advice sends to a doctor.
func TestWarningSignAtTheFinalPainQuestion(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	for s.State().Phase != FinalPain {
		st := s.State()
		switch {
		case st.Phase == CheckIn:
			must(t, s, RateEvent(3))
		default:
			must(t, s, E(Next))
		}
	}
	must(t, s, E(Warning))
	sum := s.Summary()
	if sum.Outcome != Stopped || !sum.WarningSign || !strings.Contains(strings.Join(sum.Advice, " "), "see a general practitioner or a neurologist") {
		t.Fatalf("summary %+v", sum)
	}
}

// The pass target scales with the course dose and never asks for more
// passes than the shortened step allows at its tempo.
func TestPassTargetFollowsTheDose(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Get("lumbar-partner") // step 2: 2 min, 15–20 passes at 6 s
	for _, tc := range []struct {
		session  int
		min, max int
	}{
		{1, 9, 12},  // 72 s: 12 passes fit
		{2, 12, 16}, // 96 s: 16 fit
		{3, 15, 20},
	} {
		s, err := New(r, clearance(screening.Clear, screening.Partner), newClock(), Options{SessionNumber: tc.session})
		if err != nil {
			t.Fatal(err)
		}
		st := s.Steps()[1]
		if st.Passes.Min != tc.min || st.Passes.Max != tc.max {
			t.Errorf("session %d: passes %d–%d, want %d–%d", tc.session, st.Passes.Min, st.Passes.Max, tc.min, tc.max)
		}
		if fit := int(st.Duration / st.Tempo); st.Passes.Max > fit {
			t.Errorf("session %d: %d passes asked, %d fit in %s", tc.session, st.Passes.Max, fit, st.Duration)
		}
	}
	if p := r.Steps[1].Passes; p.Min != 15 || p.Max != 20 {
		t.Fatalf("the routine itself changed: %+v", p)
	}
}

func TestDosedPassesAreCapped(t *testing.T) {
	t.Parallel()
	// 5–6 passes scale to 3–4, but 36 s at 10 s a pass holds only 3.
	st := dosedStep(routines.Step{Duration: 60 * time.Second, Tempo: 10 * time.Second, Passes: &routines.Passes{Min: 5, Max: 6}}, 0.6)
	if st.Passes.Min != 3 || st.Passes.Max != 3 {
		t.Fatalf("36 s at 10 s a pass: passes %+v, want 3–3", st.Passes)
	}
}

// The time left of the session counts what is left of the current step,
// its extra time included, and every step after it.
func TestSessionLeft(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	total := s.State().SessionPlanned
	if st := s.State(); st.SessionLeft != total || st.StepsLeft != len(s.Steps()) {
		t.Fatalf("at the start: %s left of %s, %d steps", st.SessionLeft, total, st.StepsLeft)
	}
	advance(t, s, clock, 10*time.Second)
	if st := s.State(); st.SessionLeft != total-10*time.Second {
		t.Fatalf("after 10 s: %s left of %s", st.SessionLeft, total)
	}
	s.Handle(E(Extend))
	if st := s.State(); st.SessionLeft != total-10*time.Second+ExtendBy {
		t.Fatalf("after +30 s: %s left", st.SessionLeft)
	}
}

// Back works like a player's back button: well into a step it starts the
// step again, and pressed again (or in the first seconds) it goes to the
// step before.
func TestBackRestartsThenGoesBack(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	must(t, s, E(Next), RateEvent(3)) // on to step 2
	if s.State().StepIndex != 1 {
		t.Fatalf("not on step 2: %+v", s.State())
	}
	advance(t, s, clock, 10*time.Second)
	must(t, s, E(Back))
	if st := s.State(); st.StepIndex != 1 || st.Elapsed != 0 {
		t.Fatalf("10 s in, back: step %d at %s; want step 2 from its start", st.StepIndex+1, st.Elapsed)
	}
	advance(t, s, clock, 3*time.Second)
	must(t, s, E(Back))
	if st := s.State(); st.StepIndex != 0 || st.Elapsed != 0 {
		t.Fatalf("3 s in, back: step %d at %s; want step 1", st.StepIndex+1, st.Elapsed)
	}
}

// Turning over between a first-side step and a second-side step is a side
// switch: it has its cue, naming the side.
func TestTurningOverBetweenStepsIsASideSwitch(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Get("lumbar-self")
	clock := newClock()
	s := newSession(t, r, clock)
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(3))
	var switched []Cue
	for i := 0; i < 2000 && s.State().Phase != Rest; i++ {
		var cues []Cue
		if s.State().Phase == CheckIn {
			cues = must(t, s, RateEvent(3))
		} else {
			cues = advance(t, s, clock, time.Second)
		}
		for _, c := range cues {
			if c.Kind == CueSideSwitch {
				switched = append(switched, c)
			}
		}
	}
	if len(switched) != 1 || switched[0].Step != 2 || switched[0].Side != Left {
		t.Fatalf("side switches: %+v", switched)
	}
}

// b is followed by ear too: going back across a turn-over says to turn
// back, restarting a step on the same side says nothing of sides, and
// restarting a step that switched at half time says to switch back.
func TestBackAnnouncesTheSideItLeadsTo(t *testing.T) {
	t.Parallel()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	switches := func(cues []Cue) (out []Side) {
		for _, c := range cues {
			if c.Kind == CueSideSwitch {
				out = append(out, c.Side)
			}
		}
		return out
	}
	self, _ := lib.Get("lumbar-self")
	clock := newClock()
	s := newSession(t, self, clock)
	// Pain on the left: the massage starts on the right, turns over to
	// the left at step 3.
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(3), E(Next), RateEvent(3))
	if got := switches(must(t, s, E(Next), RateEvent(3))); len(got) != 1 || got[0] != Left {
		t.Fatalf("turning over at step 3: %v", got)
	}
	advance(t, s, clock, 10*time.Second)
	if got := switches(must(t, s, E(Back))); len(got) != 0 || s.State().StepIndex != 2 {
		t.Fatalf("restarting step 3 on its side: %v, step %d", got, s.State().StepIndex+1)
	}
	if got := switches(must(t, s, E(Back))); len(got) != 1 || got[0] != Right || s.State().StepIndex != 1 {
		t.Fatalf("back to step 2, on the other side: %v, step %d", got, s.State().StepIndex+1)
	}

	partner, _ := lib.Get("lumbar-partner")
	clock = newClock()
	p, err := New(partner, clearance(screening.Clear, screening.Partner), clock, Options{SessionNumber: 3})
	if err != nil {
		t.Fatal(err)
	}
	must(t, p, E(Confirm), SideEvent(Left), RateEvent(3))
	for p.State().StepIndex < 3 {
		must(t, p, E(Next), RateEvent(3))
	}
	if !p.Routine().Steps[3].SwitchSides {
		t.Fatal("step 4 of lumbar-partner no longer switches sides")
	}
	half := p.State().Total/2 + time.Second
	if got := switches(advance(t, p, clock, half)); len(got) != 1 || got[0] != Left {
		t.Fatalf("the half-time switch: %v", got)
	}
	if got := switches(must(t, p, E(Back))); len(got) != 1 || got[0] != Right {
		t.Fatalf("restarting a step that switched: %v", got)
	}
}

// After a stop or a warning sign, the advice never adds that soreness is
// normal: that would disagree with the advice for the stop.
func TestNoSorenessAdviceAfterAStop(t *testing.T) {
	t.Parallel()
	for _, f := range []Facts{
		{Outcome: Stopped, StopReason: "a warning sign", WarningSign: true, Baseline: 4, Final: 5},
		{Outcome: Stopped, StopReason: "you asked to stop", Baseline: 4, Final: 5},
	} {
		for _, a := range Advise(f) {
			if strings.Contains(a, "soreness") {
				t.Errorf("%+v: %q", f, a)
			}
		}
	}
	if got := strings.Join(Advise(Facts{Outcome: Completed, Baseline: 4, Final: 5}), " "); !strings.Contains(got, "soreness") {
		t.Errorf("a completed session with 1 point more lost its advice: %q", got)
	}
}
