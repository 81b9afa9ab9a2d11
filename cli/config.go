package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"knead/config"
	"knead/paths"
	"knead/routines"
	"knead/sound"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show or edit knead's settings",
		Long: `knead reads defaults from config.yaml in its settings folder (knead config
path prints it: $KNEAD_CONFIG_DIR, else $XDG_CONFIG_HOME/knead, else
~/.config/knead): for, partner, bell, sound, tempo_ticks, voice, accessible,
check_in. Environment variables (KNEAD_FOR, KNEAD_PARTNER, KNEAD_BELL,
KNEAD_SOUND, KNEAD_TEMPO_TICKS, KNEAD_VOICE, KNEAD_ACCESSIBLE,
KNEAD_CHECK_IN) override the file, and flags override both.`,
		Args: cobra.NoArgs,
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "Show the effective settings and where each comes from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.settings(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "# %s\n%s", routines.Clean(config.Path(paths.ConfigDir())), cfg.Show())
			if cfg.Sound == config.SoundTones && sound.FindPlayer() == nil {
				// The setting is kept, but what a session does differs.
				fmt.Fprintln(cmd.OutOrStdout(), "# no sound player found (pw-play, paplay, aplay or afplay): tones ring the terminal bell instead")
			}
			return nil
		},
	}
	// The flags change the settings shown, as they change a session.
	g.register(show, sessionFlags...)
	cmd.AddCommand(
		&cobra.Command{
			Use:   "path",
			Short: "Print the settings file's path",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				fmt.Fprintln(cmd.OutOrStdout(), routines.Clean(config.Path(paths.ConfigDir())))
				return nil
			},
		},
		show,
		&cobra.Command{
			Use:   "edit",
			Short: "Open the settings file in your editor",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				return editConfig(cmd)
			},
		},
	)
	return cmd
}

func editConfig(cmd *cobra.Command) error {
	path := config.Path(paths.ConfigDir())
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(paths.ConfigDir(), 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(config.Template), 0o600); err != nil {
			return err
		}
	}
	editor := strings.Fields(os.Getenv("VISUAL"))
	if len(editor) == 0 {
		editor = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(editor) == 0 {
		return fmt.Errorf("set EDITOR to your editor, or edit %s by hand", path)
	}
	// The editor is the user's own choice, from their environment.
	ed := exec.Command(editor[0], append(editor[1:], path)...)
	ed.Stdin, ed.Stdout, ed.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
	if err := ed.Run(); err != nil {
		return fmt.Errorf("%s: %w", editor[0], err)
	}
	if _, err := config.Load(path, func(string) string { return "" }); err != nil {
		return fmt.Errorf("the settings have a problem: %w", err)
	}
	return nil
}
