package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"knead/paths"
	"knead/routines"
	"knead/sources"
)

func newRoutinesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "routines",
		Short: "List, show and check massage routines",
		Long: `Routines are YAML files: the built-in ones come from the source articles,
and your own go in the routines folder of knead's settings folder
($KNEAD_CONFIG_DIR, else $XDG_CONFIG_HOME/knead, else ~/.config/knead; see
docs/routines.md).`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "List the routines knead knows",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				lib := loadLibrary(cmd.ErrOrStderr())
				printRoutineList(cmd.OutOrStdout(), lib.All())
				return nil
			},
		},
		&cobra.Command{
			Use:   "show ID|FILE",
			Short: "Show every step of a routine",
			Example: `  knead routines show lumbar-self
  knead routines show ./my-routine.yaml`,
			Args: oneRoutine,
			ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				lib, _ := routines.Load(paths.RoutinesDir())
				return lib.IDs(), cobra.ShellCompDirectiveNoFileComp
			},
			RunE: func(cmd *cobra.Command, args []string) error {
				r, err := findRoutine(cmd.ErrOrStderr(), args[0])
				if err != nil {
					return err
				}
				printRoutine(cmd.OutOrStdout(), r)
				return nil
			},
		},
		&cobra.Command{
			Use:   "validate FILE...",
			Short: "Check routine files and point at the line of each problem",
			Args:  cobra.MinimumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return validateFiles(cmd.OutOrStdout(), cmd.ErrOrStderr(), args)
			},
		},
	)
	return cmd
}

// loadLibrary loads built-in and user routines, reporting each user file
// that was skipped. Reading never stops the app.
func loadLibrary(stderr io.Writer) *routines.Library {
	lib, problems := routines.Load(paths.RoutinesDir())
	for _, p := range problems {
		fmt.Fprintf(stderr, "knead: skipped a routine file:\n%s\n", indent(p.Error()))
	}
	if lib == nil {
		lib = &routines.Library{}
	}
	return lib
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// findRoutine takes an id, or a path when the argument looks like one.
func findRoutine(stderr io.Writer, arg string) (*routines.Routine, error) {
	if strings.ContainsAny(arg, `/\`) || strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		return routines.ReadFile(arg)
	}
	lib := loadLibrary(stderr)
	r, ok := lib.Get(arg)
	if !ok {
		return nil, fmt.Errorf("no routine with id %q; known ids: %s (see knead routines list)", routines.Excerpt(arg, 40), strings.Join(lib.IDs(), ", "))
	}
	return r, nil
}

func printRoutineList(w io.Writer, list []*routines.Routine) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tFOR\tAREA\tTIME\tINTENSITY")
	for _, r := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Title, r.For, r.Area, routines.HumanDuration(r.Total()), r.Intensity())
	}
	tw.Flush()
}

func printRoutine(w io.Writer, r *routines.Routine) {
	fmt.Fprintf(w, "%s  (%s)\n", r.Title, r.ID)
	fmt.Fprintf(w, "For: %s · Area: %s · %s · intensity: %s\n", r.For, r.Area, routines.HumanDuration(r.Total()), r.Intensity())
	if r.File != "" {
		fmt.Fprintf(w, "File: %s\n", routines.Clean(r.File))
	}
	fmt.Fprintf(w, "\nPosition\n  %s\n", r.Position)
	if len(r.Prepare) > 0 {
		fmt.Fprintln(w, "\nPrepare")
		for _, p := range r.Prepare {
			fmt.Fprintf(w, "  - %s\n", p)
		}
	}
	fmt.Fprintln(w, "\nSteps")
	for i, s := range r.Steps {
		fmt.Fprintf(w, "  %d. %s — %s\n", i+1, s.Title, routines.HumanDuration(s.Duration))
		fmt.Fprintf(w, "     %s · zone: %s · %s\n", s.Technique.Words(), s.Zone, s.Intensity)
		var extras []string
		if s.Direction != "" {
			extras = append(extras, "direction: "+s.Direction)
		}
		if s.Passes != nil {
			extras = append(extras, "passes: "+s.Passes.String())
		}
		if s.Tempo > 0 {
			extras = append(extras, fmt.Sprintf("tempo: one pass every %s", s.Tempo))
		}
		if s.SwitchSides {
			extras = append(extras, "switch sides at half time")
		}
		if len(extras) > 0 {
			fmt.Fprintf(w, "     %s\n", strings.Join(extras, " · "))
		}
		fmt.Fprintf(w, "     %s\n", s.Cue)
	}
	fmt.Fprintf(w, "\nAftercare\n  Rest %s.", routines.HumanDuration(r.Aftercare.Rest))
	if r.Aftercare.Advice != "" {
		fmt.Fprintf(w, " %s", r.Aftercare.Advice)
	}
	fmt.Fprintln(w)
	if cited := citedSources(r); len(cited) > 0 {
		fmt.Fprintln(w, "\nSources")
		for _, s := range cited {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
}

func validateFiles(stdout, stderr io.Writer, files []string) error {
	builtin, err := routines.BuiltIn()
	if err != nil {
		return err
	}
	bad := 0
	for _, f := range files {
		r, err := routines.ReadFile(f)
		if err == nil {
			if _, taken := builtin.Get(r.ID); taken {
				err = routines.Problem{File: f, Line: 1, Msg: fmt.Sprintf("id %q is the id of a built-in routine; choose another id", r.ID)}
			}
		}
		if err != nil {
			bad++
			fmt.Fprintln(stderr, err)
			continue
		}
		steps := fmt.Sprintf("%d steps", len(r.Steps))
		if len(r.Steps) == 1 {
			steps = "1 step"
		}
		fmt.Fprintf(stdout, "%s: ok (%s, %s, %s, %s)\n", f, r.ID, steps, routines.HumanDuration(r.Total()), r.Intensity())
	}
	if bad > 0 {
		return &exitError{code: ExitError, err: errors.New(plural(bad, "file has", "files have") + " problems"), silent: false}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// citedSources lists, once each, the articles a routine and its steps cite
// (by title) and any source a routine file gives as free text.
func citedSources(r *routines.Routine) []string {
	all := append(sources.Sources{}, r.Sources...)
	for _, st := range r.Steps {
		all = append(all, st.Sources...)
	}
	out := all.Titles()
	for _, s := range all {
		if s.Article == "" && !slices.Contains(out, s.Quote) {
			out = append(out, s.Quote)
		}
	}
	return out
}
