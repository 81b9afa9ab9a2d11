package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

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
// alternate screen. It returns the exit status: 0, or 130 after Ctrl-C.
func Run(opts Options, in io.Reader, out io.Writer) (int, error) {
	m := New(opts)
	if m.Err != nil {
		return 1, m.Err
	}
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(frameRate))
	// A closed terminal (SIGHUP) ends knead at once. Every event so far is
	// already in the journal; the session stays without an outcome and is
	// shown as interrupted.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if _, ok := <-hup; ok {
			p.Kill()
		}
	}()
	final, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		return 129, nil
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
	if fm.engine != nil {
		printSummary(out, fm.engine)
	}
	if fm.farewell != "" {
		fmt.Fprintf(out, "knead: %s\n", fm.farewell)
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return 130, nil
	}
	if fm.screen == screenResult {
		// The result must outlive the full screen: what to do, and why.
		w, _ := fm.size()
		plain.WriteClearance(out, fm.clearance, nil, w)
		if fm.ExitCode == 0 {
			return fm.clearance.Level.ExitStatus(), nil
		}
	}
	return fm.ExitCode, nil
}

// printSummary leaves one line per fact in the terminal's scrollback.
func printSummary(out io.Writer, e engine) {
	sum := e.Summary()
	if sum.Outcome == "" {
		return
	}
	fmt.Fprintf(out, "knead: %s, %s; pain %s → %s; %d of %d steps; massage time %s\n",
		e.Routine().ID, sum.Outcome, painText(sum.Baseline), painText(sum.Final), sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active))
	if sum.StopReason != "" {
		fmt.Fprintf(out, "knead: stopped because %s\n", sum.StopReason)
	}
	for _, a := range sum.Advice {
		fmt.Fprintf(out, "knead: %s\n", a)
	}
}

func painText(p int) string {
	if p < 0 {
		return "–"
	}
	return fmt.Sprint(p)
}
