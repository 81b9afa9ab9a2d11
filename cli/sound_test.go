package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"knead/config"
)

// How cues sound follows the setting, and tones fall back to the bell,
// saying so, where no sound player is found.
func TestSoundsFollowTheSetting(t *testing.T) {
	empty := t.TempDir()
	t.Setenv("PATH", empty)
	cfg := config.Defaults()
	var warn strings.Builder
	tones, bell := sounds(cfg, &warn)
	if tones != nil || !bell || !strings.Contains(warn.String(), "no sound player found") {
		t.Fatalf("no player: tones %v bell %v warning %q", tones, bell, warn.String())
	}
	cfg.Bell = false
	warn.Reset()
	if tones, bell := sounds(cfg, &warn); tones != nil || bell || !strings.Contains(warn.String(), "silent") {
		t.Fatalf("no player, bell off: tones %v bell %v warning %q", tones, bell, warn.String())
	}
	cfg.Bell, cfg.Sound = true, config.SoundBell
	if tones, bell := sounds(cfg, &warn); tones != nil || !bell {
		t.Fatalf("sound bell: tones %v bell %v", tones, bell)
	}
	cfg.Sound = config.SoundOff
	if tones, bell := sounds(cfg, &warn); tones != nil || bell {
		t.Fatalf("sound off: tones %v bell %v", tones, bell)
	}
	if err := os.WriteFile(filepath.Join(empty, "paplay"), []byte("#!/bin/sh\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg.Sound = config.SoundTones
	warn.Reset()
	tones, bell = sounds(cfg, &warn)
	defer tones.Close()
	if tones == nil || bell || warn.Len() != 0 {
		t.Fatalf("a player: tones %v bell %v warning %q", tones, bell, warn.String())
	}
}
