package screening

import (
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"knead/routines"
)

// answerAll answers every question of the walk with its clear answer.
func answerAll(t *testing.T, w *Walk) {
	t.Helper()
	for x := w.Current(); x != nil; x = w.Current() {
		a := Yes
		if x.Parent == nil {
			a = clearAnswer(x)
		} else if x.Type == Number {
			a = NumberAnswer(30)
		}
		if err := w.Answer(a); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUrgentAnswerEndsTheWalkAtOnce(t *testing.T) {
	t.Parallel()
	w := NewWalk(Default(), Self, "", nil, time.Time{})
	if err := w.Answer(Yes); err != nil { // saddle-bladder
		t.Fatal(err)
	}
	if !w.Done() {
		t.Fatalf("after an urgent answer the walk asks %s", w.Current().ID)
	}
	c, err := w.Clearance(now)
	if err != nil || c.Level != Urgent {
		t.Fatalf("level %s, err %v", c.Level, err)
	}
	if !strings.Contains(c.NextStep(), "emergency") {
		t.Errorf("urgent advice does not name emergency care: %q", c.NextStep())
	}
}

func TestStopAnswerEndsTheWalk(t *testing.T) {
	t.Parallel()
	w := NewWalk(Default(), Partner, "Anna", nil, time.Time{})
	for _, a := range []Answer{No, No, Yes} { // saddle-bladder, leg-weakness, fever
		if err := w.Answer(a); err != nil {
			t.Fatal(err)
		}
	}
	if !w.Done() {
		t.Fatalf("after a stop answer the walk asks %s", w.Current().ID)
	}
	c, err := w.Clearance(now)
	if err != nil || c.Level != Stop || len(c.Reasons) != 1 {
		t.Fatalf("clearance %+v, err %v", c, err)
	}
	if got := c.NextStep(); !strings.Contains(got, "Do not massage Anna today.") || !strings.Contains(got, "temperature has been normal") {
		t.Errorf("next step: %q", got)
	}
}

func TestAdviceFitsTheReason(t *testing.T) {
	t.Parallel()
	q := Default()
	cases := map[string]string{
		"fever":  "temperature has been normal for a few days",
		"skin":   "until the skin has healed",
		"flare":  "general practitioner or a neurologist",
		"heart":  "cardiologist",
		"tumour": "doctor who treats the tumour",
	}
	for id, want := range cases {
		c, err := q.Evaluate(Self, with(allNo(q), id, Yes), now)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.NextStep(); !strings.Contains(got, want) {
			t.Errorf("%s: next step %q lacks %q", id, got, want)
		}
	}
}

func TestGoingBackNeverNeedsAnAnswer(t *testing.T) {
	t.Parallel()
	w := NewWalk(Default(), Self, "", nil, time.Time{})
	if w.Back() {
		t.Fatal("went back from the first question")
	}
	_ = w.Answer(No)
	_ = w.Answer(No)
	if id := w.Current().ID; id != "fever" {
		t.Fatalf("third question is %s", id)
	}
	if !w.Back() || w.Current().ID != "leg-weakness" {
		t.Fatalf("back from an unanswered question went to %v", w.Current())
	}
	if a, ok := w.Earlier(w.Current()); !ok || a != No {
		t.Errorf("the earlier answer is not offered again: %v %v", a, ok)
	}
}

func TestPositionCountsWhatIsLeft(t *testing.T) {
	t.Parallel()
	q := Default()
	w := NewWalk(q, Self, "", nil, time.Time{})
	n, total := w.Position()
	if n != 1 || total != len(q.ToAsk(nil)) {
		t.Fatalf("position %d of %d", n, total)
	}
	for w.Current().ID != "hernia" {
		_ = w.Answer(clearAnswer(w.Current()))
	}
	_, before := w.Position()
	_ = w.Answer(Yes)
	if n, total := w.Position(); total != before+1 || w.Current().ID != "hernia-approved" {
		t.Errorf("after hernia yes: %d of %d (was of %d)", n, total, before)
	}
}

func TestConfirmingKeepsTheDateOfTheLastFullAnswering(t *testing.T) {
	t.Parallel()
	q := Default()
	kept := Answers{"tumour": No, "osteoporosis": Yes, "pain-examined": OptionAnswer("yes")}
	answered := time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local)
	w := NewWalk(q, Partner, "Anna", kept, answered)
	if !w.Confirming() || w.Current() != nil {
		t.Fatal("the walk does not start by confirming")
	}
	if got := w.KeptPrompt(); got != "Anna's lasting conditions, answered on 3 Nov 2026: osteoporosis. 13 more questions are still to answer." {
		t.Errorf("prompt %q", got)
	}
	w.Confirm(true)
	answerAll(t, w)
	fresh := w.Fresh()
	for id := range kept {
		if _, ok := fresh[id]; ok {
			t.Errorf("kept answer %s counted as fresh: its date would move", id)
		}
		if _, ok := w.Answers()[id]; !ok {
			t.Errorf("kept answer %s lost", id)
		}
	}
	if _, ok := fresh["steroids"]; !ok {
		t.Error("a standing question not remembered was not asked")
	}
	c, err := w.Clearance(now)
	if err != nil || c.Level != Gentle {
		t.Fatalf("level %s, err %v", c.Level, err)
	}
}

func TestSomethingChangedAsksEverythingAgain(t *testing.T) {
	t.Parallel()
	q := Default()
	kept := Answers{"osteoporosis": Yes}
	w := NewWalk(q, Self, "", kept, now)
	w.Confirm(false)
	for w.Current().ID != "osteoporosis" {
		_ = w.Answer(clearAnswer(w.Current()))
	}
	if a, ok := w.Earlier(w.Current()); !ok || !a.IsYes() {
		t.Error("the remembered answer is not offered as the starting choice")
	}
	// Back to the confirmation from the first question.
	w2 := NewWalk(q, Self, "", kept, now)
	w2.Confirm(true)
	if !w2.Back() || !w2.Confirming() {
		t.Error("back from the first question does not return to the confirmation")
	}
}

func TestPartnerNameInQuestions(t *testing.T) {
	t.Parallel()
	q := Default()
	fever, _ := q.Question("fever")
	if got := fever.Text(Partner, "Anna"); got != "Does Anna have a fever or a raised temperature today?" {
		t.Errorf("%q", got)
	}
	exam, _ := q.Question("pain-examined")
	if got := exam.Text(Partner, "Anna"); got != "Has a doctor examined Anna's back pain?" {
		t.Errorf("%q", got)
	}
	if got := fever.Text(Partner, ""); !strings.Contains(got, "your partner") {
		t.Errorf("%q", got)
	}
}

// TestLocksFollowTheZones: the period and spine surgery close every
// routine that works the lower back, whatever area it declares.
func TestLocksFollowTheZones(t *testing.T) {
	t.Parallel()
	q := Default()
	whole := &routines.Routine{ID: "whole", For: routines.ForBoth, Area: routines.AreaBack, Steps: []routines.Step{
		{Technique: routines.Stroking, Zone: routines.ZoneBack, Intensity: routines.Gentle},
		{Technique: routines.Stroking, Zone: routines.ZoneLumbar, Intensity: routines.Gentle},
	}}
	upper := &routines.Routine{ID: "upper", For: routines.ForBoth, Area: routines.AreaBack, Steps: []routines.Step{
		{Technique: routines.Stroking, Zone: routines.ZoneCollar, Intensity: routines.Gentle},
	}}
	for _, extra := range [][]any{
		{"menstruating", Yes},
		{"surgery", Yes, "surgery-days", NumberAnswer(400), "surgery-approved", Yes},
	} {
		c, err := q.Evaluate(Partner, with(allNo(q), extra...), now)
		if err != nil {
			t.Fatal(err)
		}
		if ok, why := c.Allows(whole); ok || !strings.Contains(why, "lower back") {
			t.Errorf("%v: a back routine with a lumbar step is allowed: %v %q", extra, ok, why)
		}
		if ok, why := c.Allows(upper); !ok {
			t.Errorf("%v: a routine on the collar is locked: %q", extra, why)
		}
	}
}

// TestWalkProperties drives random walks: answers, backs and
// confirmations in any order. Whatever happens, the walk never asks past
// an answer that stops the massage, its answers always evaluate once it is
// done, and the worst answer given decides the level.
func TestWalkProperties(t *testing.T) {
	t.Parallel()
	q := Default()
	rapid.Check(t, func(rt *rapid.T) {
		var kept Answers
		if rapid.Bool().Draw(rt, "remembered") {
			kept = Answers{"osteoporosis": OptionAnswer(rapid.SampledFrom([]string{"yes", "no"}).Draw(rt, "osteo"))}
		}
		w := NewWalk(q, rapid.SampledFrom([]Mode{Self, Partner}).Draw(rt, "mode"), "", kept, now)
		for i := 0; i < 80 && !w.Done(); i++ {
			if w.Confirming() {
				w.Confirm(rapid.Bool().Draw(rt, "unchanged"))
				continue
			}
			x := w.Current()
			if rapid.IntRange(0, 9).Draw(rt, "back") == 0 {
				w.Back()
				continue
			}
			var a Answer
			if x.Type == Number {
				a = NumberAnswer(rapid.IntRange(0, 60).Draw(rt, "days"))
			} else {
				opts := x.Options()
				a = OptionAnswer(opts[rapid.IntRange(0, len(opts)-1).Draw(rt, "option")].Value)
			}
			if err := w.Answer(a); err != nil {
				rt.Fatalf("answer %v to %s refused: %v", a, x.ID, err)
			}
			if x.Ends(a) && !w.Done() {
				rt.Fatalf("%s=%v stops the massage, but %s is asked next", x.ID, a, w.Current().ID)
			}
			if n, total := w.Position(); !w.Done() && (n < 1 || n > total) {
				rt.Fatalf("position %d of %d", n, total)
			}
		}
		if !w.Done() {
			return
		}
		c, err := w.Clearance(now)
		if err != nil {
			rt.Fatalf("a finished walk does not evaluate: %v", err)
		}
		worst := Clear
		for id, a := range w.Answers() {
			x, _ := q.Question(id)
			if level, _ := x.Outcome(a); level.Worse(worst) && !hiddenFollowUp(x, w.Answers()) {
				worst = level
			}
		}
		if c.Level != worst {
			rt.Fatalf("level %s, but the worst answer is %s", c.Level, worst)
		}
	})
}

// hiddenFollowUp reports whether x is a follow-up whose parent is not yes,
// so its answer does not count.
func hiddenFollowUp(x *Question, a Answers) bool {
	for p := x.Parent; p != nil; p = p.Parent {
		if !a[p.ID].IsYes() {
			return true
		}
	}
	return false
}

// TestApprovedConditionsGiveNoContraryAdvice: a hernia the doctor approved
// massage for is not told to ask a doctor whether massage is right.
func TestApprovedConditionsGiveNoContraryAdvice(t *testing.T) {
	t.Parallel()
	q := Default()
	c, err := q.Evaluate(Self, with(allNo(q), "hernia", Yes, "hernia-approved", Yes), now)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.NextStep(); strings.Contains(got, "whether massage is right") || c.Reasons[0].Next != "" {
		t.Errorf("approved hernia: %q", got)
	}
}
