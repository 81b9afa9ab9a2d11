package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"knead/screening"
)

// TestCtrlCOnEveryScreen: Ctrl-C on each screen of a session restores the
// terminal, exits 130 with no panic, and leaves the session in the history
// as interrupted.
func TestCtrlCOnEveryScreen(t *testing.T) {
	bin := buildKnead(t)
	// Each case brings the app to its screen after the checklist.
	cases := []struct {
		name   string
		reach  func(p *pane)
		record bool
	}{
		{"checklist", func(p *pane) {}, true},
		{"side", func(p *pane) { p.keys("Enter"); p.waitFor("Which side hurts more?", 5*time.Second) }, true},
		{"baseline", func(p *pane) {
			p.keys("Enter", "l")
			p.waitFor("How strong is the pain", 5*time.Second)
		}, true},
		{"step", func(p *pane) {
			p.keys("Enter", "l", "3", "Enter")
			p.waitFor("First strokes", 5*time.Second)
		}, true},
		{"paused", func(p *pane) {
			p.keys("Enter", "l", "3", "Enter", "Space")
			p.waitFor("PAUSED", 5*time.Second)
		}, true},
		{"check-in", func(p *pane) {
			p.keys("Enter", "l", "3", "Enter")
			p.waitFor("How is the pain now", 15*time.Second)
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := environment(t)
			p := startPane(t, env, bin+" start short --for self")
			answerScreening(p)
			p.waitFor("Before you start", 10*time.Second)
			tc.reach(p)
			p.keys("C-c")
			screen := p.waitFor("EXIT=", 5*time.Second)
			if !strings.Contains(screen, "EXIT=130") || strings.Contains(screen, "panic") {
				t.Fatalf("after ctrl+c:\n%s", screen)
			}
			csv := knead(t, bin, env, "history", "--csv")
			if !strings.Contains(csv, ",interrupted,") {
				t.Fatalf("history after ctrl+c on the %s screen:\n%s", tc.name, csv)
			}
		})
	}
}

// TestCtrlCInTheAccessibleFlow: Ctrl-C at a question of a session in
// --accessible records it as interrupted and exits 130.
func TestCtrlCInTheAccessibleFlow(t *testing.T) {
	bin := buildKnead(t)
	env := environment(t)
	p := startPane(t, env, bin+" start short --for self --accessible")
	for i, x := range screening.Default().ToAsk(nil) {
		p.waitFor(fmt.Sprintf("%d of %d.", i+1, len(screening.Default().ToAsk(nil))), 10*time.Second)
		key := "n"
		if x.Type != screening.YesNo {
			key = "y"
		}
		p.keys(key, "Enter")
	}
	p.waitFor("Press enter when ready", 10*time.Second)
	p.keys("Enter", "l", "Enter")
	p.waitFor("How strong is the pain", 5*time.Second)
	p.keys("C-c")
	screen := p.waitFor("EXIT=", 5*time.Second)
	if !strings.Contains(screen, "EXIT=130") {
		t.Fatalf("after ctrl+c:\n%s", screen)
	}
	csv := knead(t, bin, env, "history", "--csv")
	if !strings.Contains(csv, ",interrupted,") {
		t.Fatalf("history:\n%s", csv)
	}
}
