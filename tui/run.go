package tui

import (
	"errors"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"

	"knead/guide"
	"knead/plain"
)

// frameRate caps how often the renderer looks for a changed view. Bubble
// Tea's default of 60 costs about 0.6 s of CPU a minute on an idle
// countdown (each look re-parses the whole screen); at 10 the countdown,
// which changes once a second, is unaffected and a key press shows within
// 100 ms. See docs/performance.md.
const frameRate = 10

// Run runs the app on the terminal behind in and out until the user leaves,
// then prints a short summary of the session (if any) on out, outside the
// alternate screen. It returns the exit status: 0; 3 or 4 after a
// screening that allows no massage; 130 after Ctrl-C, 129 after a closed
// terminal, 143 after a kill (SIGTERM).
func Run(opts Options, in io.Reader, out io.Writer) (int, error) {
	m := New(opts)
	if m.Err != nil {
		return 1, m.Err
	}
	final, signalled, err := runProgram(m, in, out)
	if signalled != 0 {
		return signalled, nil
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return 1, err
	}
	fm, ok := final.(*Model)
	if !ok {
		return 1, errors.New("the app ended in an unknown state")
	}
	if fm.Err != nil {
		return 1, fm.Err
	}
	f := fm.flow
	if f.Routine() != nil {
		printSummary(out, f)
	}
	if line := f.Farewell(); line != "" {
		fmt.Fprintf(out, "knead: %s\n", line)
	}
	if line := f.Unsaved(); line != "" {
		// Said last, where it stays on the terminal, and in the status.
		fmt.Fprintf(out, "knead: %s\n", line)
		if fm.ExitCode == 0 {
			fm.ExitCode = 1
		}
	}
	if fm.screen == screenResult && f.Stage() != guide.Session {
		// The result must outlive the full screen: what to do, and why.
		w, _ := fm.size()
		plain.WriteClearance(out, f.Clearance(), nil, w)
		if fm.ExitCode == 0 {
			return f.Clearance().Level.ExitStatus(), nil
		}
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return 130, nil
	}
	return fm.ExitCode, nil
}

// printSummary leaves one line per fact in the terminal's scrollback.
func printSummary(out io.Writer, f *guide.Flow) {
	sum := f.Summary()
	if sum.Outcome == "" {
		return
	}
	pain := fmt.Sprintf("; pain %s → %s", painText(sum.Baseline), painText(sum.Final))
	if f.Rehearsal() {
		pain = "" // made up by the rehearsal
	}
	fmt.Fprintf(out, "knead: %s, %s%s; %d of %d steps; massage time %s\n",
		f.Routine().ID, sum.Outcome, pain, sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active))
	// The advice says why a session stopped, once.
	for _, a := range f.Advice() {
		fmt.Fprintf(out, "knead: %s\n", a)
	}
}

func painText(p int) string {
	if p < 0 {
		return "–"
	}
	return fmt.Sprint(p)
}
