package cli

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"knead/journal"
	"knead/paths"
	"knead/plain"
	"knead/practice"
	"knead/routines"
	"knead/tui"
)

func newPracticeCmd(g *globalOptions) *cobra.Command {
	var metronome bool
	cmd := &cobra.Command{
		Use:   "practice [ROUTINE [STEP]]",
		Short: "Practise a step's rhythm by tapping",
		Long: `A tempo trainer for practising technique timing, on a cushion or in the air:
nothing is massaged on a person, so there is no screening. Tap space at each
pass; knead shows your time per pass against the step's tempo (or the
default rate of its technique), the pass count against its target, how even
your rhythm is, and a chart of your intervals. q ends the run with a
verdict; runs are kept in the history (knead history --practice).

Without STEP it lists the routine's steps to pick one (ROUTINE is
lumbar-partner when not given). STEP is the step's number, as knead
routines show ROUTINE lists them.`,
		Example: `  knead practice
  knead practice lumbar-partner
  knead practice lumbar-partner 2 --metronome`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.settings(cmd)
			if err != nil {
				return err
			}
			r, step, err := practiceStep(cmd, args)
			if err != nil {
				return err
			}
			if !plain.IsTerminal(cmd.InOrStdin()) || !plain.IsTerminal(cmd.OutOrStdout()) {
				return errors.New("practice needs a terminal: it times your key presses")
			}
			start := time.Now()
			p, err := tui.RunPractice(tui.PracticeOptions{Routine: r, StepIndex: step, Metronome: metronome, Bell: cfg.Bell}, cmd.InOrStdin(), cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if p.ExitCode != 0 {
				return silentExit(p.ExitCode)
			}
			if !p.Finished() {
				return nil
			}
			st := p.Result
			verdict := practice.Verdict(st, p.Target())
			fmt.Fprintf(cmd.OutOrStdout(), "knead: %s, %s: %d passes, %s\n", r.ID, p.Step().Title, st.Passes, verdict)
			if st.Passes < 3 {
				return nil // nothing worth keeping
			}
			store, _, err := journal.Open(paths.DataDir())
			if err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "knead: %v\nknead: this practice run was not saved.\n", err)
				return nil
			}
			defer store.Close()
			return store.SavePractice(journal.PracticeRun{
				StartedAt: start, Routine: r.ID, Step: p.StepIndex() + 1, Technique: string(p.Step().Technique),
				Target: p.Target().Tempo, Passes: st.Passes, Mean: st.Mean, Spread: st.Spread, Verdict: verdict,
			})
		},
	}
	cmd.Flags().BoolVar(&metronome, "metronome", false, "lead the rhythm with a pulse (and the bell) at the target tempo")
	g.register(cmd, "no-bell")
	return cmd
}

// practiceStep picks the routine and step to practise.
func practiceStep(cmd *cobra.Command, args []string) (*routines.Routine, int, error) {
	id := "lumbar-partner"
	if len(args) > 0 {
		id = args[0]
	}
	lib := loadLibrary(cmd.ErrOrStderr())
	r, ok := lib.Get(id)
	if !ok {
		return nil, 0, unknownRoutine(lib, id)
	}
	if len(args) == 2 {
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 || n > len(r.Steps) {
			return nil, 0, fmt.Errorf("step %q: give a number from 1 to %d (see knead routines show %s)", args[1], len(r.Steps), r.ID)
		}
		return r, n - 1, nil
	}
	return r, -1, nil // chosen from the list
}
