package sound

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Not parallel: each case sets PATH.
func TestFindPlayer(t *testing.T) {
	tests := []struct {
		name     string
		programs []string
		want     string
		wantArgs []string
	}{
		{"none", nil, "", nil},
		{"paplay", []string{"paplay"}, "paplay", nil},
		{"aplay is quiet", []string{"aplay"}, "aplay", []string{"-q"}},
		{"afplay", []string{"afplay"}, "afplay", nil},
		{"pipewire first", []string{"afplay", "aplay", "paplay", "pw-play"}, "pw-play", nil},
		{"pulse before alsa", []string{"aplay", "paplay"}, "paplay", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range tt.programs {
				if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", dir)
			p := FindPlayer()
			if tt.want == "" {
				if p != nil {
					t.Fatalf("found %q on an empty PATH", p.Name())
				}
				return
			}
			if p == nil {
				t.Fatalf("found nothing, want %s", tt.want)
			}
			if p.Name() != tt.want || !slices.Equal(p.args, tt.wantArgs) {
				t.Fatalf("found %s %q, want %s %q", p.Name(), p.args, tt.want, tt.wantArgs)
			}
			if p.path != filepath.Join(dir, tt.want) {
				t.Errorf("path %q, want the full path found on PATH", p.path)
			}
		})
	}
}

func TestPlayerName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    *Player
		want string
	}{
		{NewPlayer("/usr/bin/paplay"), "paplay"},
		{NewPlayer("mpv", "--no-video"), "mpv"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := tt.p.Name(); got != tt.want {
			t.Errorf("Name() = %q, want %q", got, tt.want)
		}
	}
}

func TestNewPlayerCopiesArgs(t *testing.T) {
	t.Parallel()
	args := []string{"-q"}
	p := NewPlayer("aplay", args...)
	args[0] = "--changed"
	if p.args[0] != "-q" {
		t.Fatal("the caller's slice changed the player's arguments")
	}
}
