package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"knead/config"
	"knead/guide"
	"knead/journal"
	"knead/paths"
	"knead/plain"
	"knead/routines"
	"knead/screening"
	"knead/sound"
	"knead/tui"
	"knead/voice"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	forWhom    string
	partner    string
	accessible bool
	noBell     bool
	sound      string
	tempoTicks bool
	voice      string
	checkIn    string
}

// The settings' flags, by the commands they do something on.
var (
	sessionFlags = []string{"for", "partner", "accessible", "no-bell", "sound", "tempo-ticks", "voice", "check-in"}
	screenFlags  = []string{"for", "partner", "accessible"}
)

// register adds the named settings' flags to cmd, and to it alone: a
// command lists only the flags that change what it does.
func (g *globalOptions) register(cmd *cobra.Command, names ...string) {
	f := cmd.Flags()
	for _, name := range names {
		switch name {
		case "for":
			f.StringVar(&g.forWhom, "for", "", "who is massaged: self or partner")
		case "partner":
			f.StringVar(&g.partner, "partner", "", "the partner's name (a history each)")
		case "accessible":
			f.BoolVar(&g.accessible, "accessible", false, "plain lines, for screen readers, pipes")
		case "no-bell":
			f.BoolVar(&g.noBell, "no-bell", false, "no terminal bell on cues")
		case "sound":
			f.StringVar(&g.sound, "sound", "", "tones, bell or off (default tones)")
		case "tempo-ticks":
			f.BoolVar(&g.tempoTicks, "tempo-ticks", false, "a soft tick on each tempo pass")
		case "voice":
			f.StringVar(&g.voice, "voice", "", "speech command for cues, e.g. espeak-ng")
		case "check-in":
			f.StringVar(&g.checkIn, "check-in", "", "step or side: when to ask the pain")
		}
	}
}

// settings are the effective settings: the file, then the environment,
// then the flags given on the command line.
func (g *globalOptions) settings(cmd *cobra.Command) (config.Config, error) {
	cfg, err := config.Load(config.Path(paths.ConfigDir()), os.Getenv)
	if err != nil {
		return cfg, err
	}
	for _, f := range []struct {
		name, key, value string
	}{
		{"for", "for", g.forWhom}, {"partner", "partner", g.partner}, {"accessible", "accessible", fmt.Sprint(g.accessible)},
		{"no-bell", "bell", fmt.Sprint(!g.noBell)}, {"sound", "sound", g.sound}, {"tempo-ticks", "tempo_ticks", fmt.Sprint(g.tempoTicks)}, {"voice", "voice", g.voice}, {"check-in", "check_in", g.checkIn},
	} {
		if fl := cmd.Flag(f.name); fl != nil && fl.Changed {
			if err := cfg.Override(f.key, f.value); err != nil {
				return cfg, fmt.Errorf("--%s: %w", f.name, err)
			}
		}
	}
	return cfg, nil
}

// speaker starts the voice, or says why there is none.
func speaker(cfg config.Config, stderr io.Writer) *voice.Speaker {
	if cfg.Voice == "" {
		return nil
	}
	s, err := voice.New(cfg.Voice)
	if err != nil {
		fmt.Fprintf(stderr, "knead: %v\n", err)
		return nil
	}
	return s
}

// sounds sets up how cues sound: a tone for each through the system's
// sound player, or the terminal bell in a pattern for each, or nothing.
// It says why when tones fall back to the bell.
func sounds(cfg config.Config, warn io.Writer) (tones *sound.Out, bell bool) {
	switch cfg.Sound {
	case config.SoundOff:
		return nil, false
	case config.SoundBell:
		if !cfg.Bell {
			fmt.Fprintln(warn, "knead: cues are silent: the sound is the bell, and the bell is off (--no-bell)")
		}
		return nil, cfg.Bell
	}
	fallback := "cues ring the terminal bell instead"
	if !cfg.Bell {
		fallback = "cues are silent (the bell is off)"
	}
	p := sound.FindPlayer()
	if p == nil {
		fmt.Fprintf(warn, "knead: no sound player found (pw-play, paplay, aplay or afplay): %s\n", fallback)
		return nil, cfg.Bell
	}
	out, err := sound.Open(p)
	if err != nil {
		fmt.Fprintf(warn, "knead: the tones could not be prepared (%v): %s\n", err, fallback)
		return nil, cfg.Bell
	}
	return out, false
}

// withSound adds the cues' sound and the voice to opts; the returned
// function stops both.
func withSound(opts *guide.Options, cfg config.Config, warn io.Writer) (stop func()) {
	opts.Tones, opts.Bell = sounds(cfg, warn)
	opts.TempoTicks = cfg.TempoTicks
	opts.Voice = speaker(cfg, warn)
	if opts.Tones != nil {
		opts.Voice.ShareWith(opts.Tones.Floor)
	}
	return func() {
		// The last cues (the end of the session) are heard before exit.
		opts.Tones.Wait(3 * time.Second)
		opts.Voice.Close()
		opts.Tones.Close()
		if n, err := opts.Voice.Failures(); n > 0 {
			fmt.Fprintf(warn, "knead: the voice command %q failed %d times (last: %v); try it with: %s -- hello\n", cfg.Voice, n, err, cfg.Voice)
		}
	}
}

func modeOf(cfg config.Config) screening.Mode {
	return screening.Mode(cfg.For)
}

// errNoTerminal says what to do when the full screen has no terminal.
var errNoTerminal = errors.New("no terminal: use --accessible, or --answers FILE for knead screen")

// needTerminal refuses the full screen when standard input or output is
// not a terminal (a pipe, a file, /dev/null), before anything is set up.
func needTerminal(cmd *cobra.Command, accessible bool) error {
	switch {
	case accessible:
	case !plain.IsTerminal(cmd.InOrStdin()):
		return errNoTerminal
	case !plain.IsTerminal(cmd.OutOrStdout()):
		// The screens would go into the file or pipe, and the questions
		// would be answered blind.
		return errNoTerminalOut
	}
	return nil
}

// errNoTerminalOut says what to do when the full screen's output is not a
// terminal.
var errNoTerminalOut = errors.New("the output is not a terminal (a file or a pipe): the full screen cannot be seen there; use --accessible for plain lines")

// runApp starts the guided flow, full screen or in accessible mode.
func runApp(cmd *cobra.Command, g *globalOptions, routineID string) error {
	cfg, err := g.settings(cmd)
	if err != nil {
		return err
	}
	if err := needTerminal(cmd, cfg.Accessible); err != nil {
		return err
	}
	mode := modeOf(cfg)
	warn := &notices{w: cmd.ErrOrStderr()}
	lib := loadLibrary(warn)
	if routineID != "" {
		if _, ok := lib.Get(routineID); !ok {
			return unknownRoutine(lib, routineID)
		}
	}
	if cfg.Partner != "" && mode == "" {
		mode = screening.Partner
	}
	if err := journal.CheckNewPartnerName(cfg.Partner); err != nil && mode == screening.Partner {
		return fmt.Errorf("--partner: %w", err)
	}
	opts := guide.Options{
		Library:        lib,
		Questions:      screening.Default(),
		Mode:           mode,
		PartnerName:    routines.Clean(cfg.Partner),
		RoutineID:      routineID,
		SessionNumber:  1,
		CheckInAtSides: cfg.CheckIn == config.CheckInSide,
		Journal:        openJournal(cmd.ErrOrStderr()),
	}
	defer withSound(&opts, cfg, warn)()
	opts.Warnings = warn.lines
	if opts.Journal == nil {
		opts.JournalProblem = "the history file could not be opened (see the message above)"
	} else {
		defer opts.Journal.Close()
	}
	return runWith(cmd, cfg.Accessible, opts)
}

func runWith(cmd *cobra.Command, accessible bool, opts guide.Options) error {
	if accessible {
		code, err := plain.Run(opts, cmd.InOrStdin(), cmd.OutOrStdout())
		if err != nil {
			return err
		}
		if code != 0 {
			return silentExit(code)
		}
		return nil
	}
	code, err := tui.Run(opts, cmd.InOrStdin(), cmd.OutOrStdout())
	if err != nil {
		return err
	}
	if code != 0 {
		return silentExit(code)
	}
	return nil
}

func unknownRoutine(lib *routines.Library, id string) error {
	return fmt.Errorf("no routine with id %q; known ids: %s (see: knead routines list)", id, strings.Join(lib.IDs(), ", "))
}

func newStartCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start ROUTINE",
		Short: "Screen, then run a routine",
		Long: `Runs the screening questionnaire and, when the answers allow it, the chosen
routine: preparation, the side that hurts, the pain before, every timed step
with check-ins, the rest and the summary.`,
		Example: `  knead start lumbar-self --for self
  knead start lumbar-partner --for partner --no-bell`,
		Args: oneRoutine,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			lib := loadLibrary(discard{})
			return lib.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runApp(cmd, g, args[0])
		},
	}
	g.register(cmd, sessionFlags...)
	return cmd
}

func newRehearseCmd(g *globalOptions) *cobra.Command {
	var speed float64
	cmd := &cobra.Command{
		Use:   "rehearse ROUTINE",
		Short: "Play a routine fast, with no massage",
		Long: `Plays the steps, cues and sounds of a routine at --speed times speed, to
learn the sequence and its timing. Nothing is massaged, so no screening is
needed, and a rehearsal is never recorded as a session.`,
		Example: `  knead rehearse lumbar-self
  knead rehearse back-classic --speed 1`,
		Args: oneRoutine,
		RunE: func(cmd *cobra.Command, args []string) error {
			if speed <= 0 || speed > 1000 {
				return fmt.Errorf("--speed %v: use a number from 0.1 to 1000", speed)
			}
			cfg, err := g.settings(cmd)
			if err != nil {
				return err
			}
			if err := needTerminal(cmd, cfg.Accessible); err != nil {
				return err
			}
			warn := &notices{w: cmd.ErrOrStderr()}
			lib := loadLibrary(warn)
			if _, ok := lib.Get(args[0]); !ok {
				return unknownRoutine(lib, args[0])
			}
			opts := guide.Options{
				Library:     lib,
				Questions:   screening.Default(),
				Mode:        modeOf(cfg),
				PartnerName: routines.Clean(cfg.Partner),
				RoutineID:   args[0],
				Rehearse:    true,
				Speed:       speed,
			}
			defer withSound(&opts, cfg, warn)()
			opts.Warnings = warn.lines
			return runWith(cmd, cfg.Accessible, opts)
		},
	}
	cmd.Flags().Float64Var(&speed, "speed", 10, "how many times faster than real time")
	g.register(cmd, sessionFlags...)
	return cmd
}

// discard is an io.Writer that drops everything.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// oneRoutine accepts exactly one routine id, and says where to find one.
func oneRoutine(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%s needs one routine id, such as lumbar-self (knead routines list shows them all)", cmd.CommandPath())
	}
	return nil
}
