package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func practiceModel(t *testing.T, metronome bool) (*Practice, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: start}
	r, _ := library(t).Get("lumbar-partner")
	p := NewPractice(PracticeOptions{Routine: r, StepIndex: 1, Clock: clock, Metronome: metronome})
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return p, clock
}

func practiceText(p *Practice) string {
	lines := strings.Split(ansi.Strip(p.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// tapAt taps space after each interval, in seconds.
func tapAt(p *Practice, clock *fakeClock, intervals ...float64) {
	p.Update(keyMsg("space"))
	for _, s := range intervals {
		clock.now = clock.now.Add(time.Duration(s * float64(time.Second)))
		p.Update(keyMsg("space"))
	}
}

func TestGoldenPracticeScreen(t *testing.T) {
	p, clock := practiceModel(t, false)
	tapAt(p, clock, 5.5, 6, 6.5, 5, 7, 6, 4.5, 6)
	golden(t, "practice-live-80x24", practiceText(p))
	p.Update(keyMsg("q"))
	golden(t, "practice-result-80x24", practiceText(p))
}

func TestPracticeKeys(t *testing.T) {
	t.Parallel()
	p, clock := practiceModel(t, true)
	if cmd := p.Init(); cmd == nil {
		t.Fatal("no metronome")
	}
	tapAt(p, clock, 6, 6)
	if out := practiceText(p); !strings.Contains(out, "Passes: 3 of 15–20") || !strings.Contains(out, "nothing is massaged on a person") {
		t.Fatalf("live:\n%s", out)
	}
	p.Update(beatMsg{gen: p.beatGen})
	if p.beat != 1 || !strings.Contains(practiceText(p), "● metronome: beat 1") {
		t.Fatalf("beat %d", p.beat)
	}
	p.Update(beatMsg{gen: p.beatGen - 1}) // stale
	if p.beat != 1 {
		t.Fatal("a stale beat counted")
	}
	p.Update(keyMsg("r"))
	if len(p.taps) != 0 {
		t.Fatal("r did not start over")
	}
	tapAt(p, clock, 4.1, 4.1, 4.1)
	p.Update(keyMsg("q"))
	if !p.Finished() || p.Result.Passes != 4 || !strings.Contains(practiceText(p), "too fast, and 4 passes of the 15–20 the step asks: 4.1 s per pass, target 6 s") {
		t.Fatalf("result:\n%s", practiceText(p))
	}
	p.Update(keyMsg("space")) // taps after the end do not count
	if p.Result.Passes != 4 || len(p.taps) != 4 {
		t.Fatal("a tap after the end counted")
	}
	if _, cmd := p.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q does not close")
	}
}

// The metronome's first beat comes at once; before the first tap the
// figures show –; each pass says its pace as it comes, with a mark that
// reads without colour.
func TestPracticeFirstBeatDashesAndPace(t *testing.T) {
	t.Parallel()
	p, clock := practiceModel(t, true)
	if msg, ok := p.metronome(true)().(beatMsg); !ok || msg.gen != p.beatGen {
		t.Fatalf("the first beat is not immediate: %#v", msg)
	}
	if out := practiceText(p); !strings.Contains(out, "Last pass – · average – · spread of the last 10: –") {
		t.Errorf("before the first tap:\n%s", out)
	}
	for _, c := range []struct {
		interval float64
		want     string
	}{{3, "« too fast"}, {6, "✓ on tempo"}, {9, "» too slow"}} {
		tapAt(p, clock, c.interval)
		if out := practiceText(p); !strings.Contains(out, "Last pass "+secs(time.Duration(c.interval*float64(time.Second)))+" "+c.want) {
			t.Errorf("a pass of %.0f s:\n%s", c.interval, out)
		}
	}
}

// Without a step number the trainer lists the steps, the first with a
// tempo under the cursor, and practises the one chosen.
func TestPracticeStepList(t *testing.T) {
	t.Parallel()
	r, _ := library(t).Get("lumbar-partner")
	p := NewPractice(PracticeOptions{Routine: r, StepIndex: -1, Clock: &fakeClock{now: start}})
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	out := practiceText(p)
	if !strings.Contains(out, "Which step of") || !strings.Contains(out, "> 2  Deep stroking to the coccyx · one pass every 6.0 s") {
		t.Fatalf("step list:\n%s", out)
	}
	golden(t, "practice-steps-80x24", out)
	p.Update(keyMsg("down"))
	p.Update(keyMsg("enter"))
	if p.StepIndex() != 2 || p.choosing || !strings.Contains(practiceText(p), p.Step().Title) {
		t.Fatalf("chose step %d:\n%s", p.StepIndex(), practiceText(p))
	}
	q := NewPractice(PracticeOptions{Routine: r, StepIndex: -1, Clock: &fakeClock{now: start}})
	q.Update(keyMsg("4"))
	if q.StepIndex() != 3 || q.choosing {
		t.Fatalf("4 chose step %d", q.StepIndex())
	}
}

// ? lists the keys of each practice screen, and any key closes the list
// without acting.
func TestPracticeQuestionMarkListsTheKeys(t *testing.T) {
	t.Parallel()
	r, _ := library(t).Get("lumbar-partner")
	p := NewPractice(PracticeOptions{Routine: r, StepIndex: -1, Clock: &fakeClock{now: start}})
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, c := range []struct {
		before func()
		want   string
	}{
		{func() {}, "pick a step by its number"},
		{func() { p.Update(keyMsg("2")) }, "tap at each pass"},
		{func() { p.Update(keyMsg("q")) }, "practise the step again"},
	} {
		c.before()
		before := practiceText(p)
		if !strings.Contains(before, "? keys") {
			t.Errorf("the key line does not offer ?:\n%s", before)
		}
		p.Update(keyMsg("?"))
		if out := practiceText(p); !strings.Contains(out, c.want) || !strings.Contains(out, "any key closes") {
			t.Errorf("key list lacks %q:\n%s", c.want, out)
		}
		p.Update(keyMsg("q"))
		if practiceText(p) != before {
			t.Errorf("closing the list changed the screen:\n%s", practiceText(p))
		}
	}
}
