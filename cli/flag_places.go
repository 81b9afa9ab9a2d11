package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// borrowedFlag marks a hidden flag a command holds for a subcommand.
const borrowedFlag = "knead-borrowed"

// placeFlagsAnywhere lets a flag come before the subcommand it belongs
// to, as in "knead --no-bell config show". Finding the subcommand, the
// command line is read by each command on the way, and one that does not
// know a flag takes the word after it for the flag's value ("show", here).
// So every command with subcommands gets a hidden copy of its
// descendants' switches (flags without a value); a command refuses such a
// copy when it is the one run, saying which commands take the flag.
func placeFlagsAnywhere(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		placeFlagsAnywhere(sub)
		sub.Flags().VisitAll(func(f *pflag.Flag) {
			if f.NoOptDefVal == "" || cmd.Flags().Lookup(f.Name) != nil {
				return
			}
			cmd.Flags().Bool(f.Name, false, f.Usage)
			copied := cmd.Flags().Lookup(f.Name)
			copied.Hidden = true
			copied.Annotations = map[string][]string{borrowedFlag: {"yes"}}
		})
	}
	if !cmd.Runnable() {
		return
	}
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		var misplaced error
		c.Flags().Visit(func(f *pflag.Flag) {
			if _, ok := f.Annotations[borrowedFlag]; ok && misplaced == nil {
				misplaced = notAFlagOf(c, f.Name)
			}
		})
		if misplaced != nil {
			return misplaced
		}
		return run(c, args)
	}
}

// notAFlagOf says that --name does nothing for c, and where it does.
func notAFlagOf(c *cobra.Command, name string) error {
	var takers []string
	var visit func(*cobra.Command)
	visit = func(x *cobra.Command) {
		if f := x.Flags().Lookup(name); f != nil && f.Annotations[borrowedFlag] == nil && x.Runnable() {
			takers = append(takers, x.CommandPath())
		}
		for _, sub := range x.Commands() {
			visit(sub)
		}
	}
	visit(c.Root())
	slices.Sort(takers)
	if len(takers) == 0 {
		return fmt.Errorf("unknown flag --%s (see %s --help)", name, c.CommandPath())
	}
	return fmt.Errorf("--%s is not a flag of %s; it works with: %s", name, c.CommandPath(), strings.Join(takers, ", "))
}

// flagError turns cobra's "unknown flag" into the same advice.
func flagError(c *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return err
	}
	return notAFlagOf(c, name)
}
