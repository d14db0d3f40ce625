# Sourced by ./mvnw and the deploy scripts: make JAVA_HOME point at a JDK 21 or newer.
# The machine default may be older (17 here); look in the usual places before giving up.
_cpp_java_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
_cpp_find_jdk() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
		v=$(_cpp_java_major "$JAVA_HOME")
		[ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
	fi
	best="" best_v=0
	for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
		[ -x "$d/bin/javac" ] || continue
		v=$(_cpp_java_major "$d")
		if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$d" best_v="$v"; fi
	done
	if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
		d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
		v=$(_cpp_java_major "$d")
		[ "${v:-0}" -ge 21 ] 2>/dev/null && best="$d"
	fi
	if [ -z "$best" ]; then
		echo "error: Cloud Partner Platform needs a JDK 21 or newer and found none." >&2
		echo "       Install one (Debian/Ubuntu: 'apt-get install openjdk-21-jdk', or Eclipse Temurin 21/25)" >&2
		echo "       and set JAVA_HOME to it. Looked in JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman and the PATH." >&2
		return 1
	fi
	export JAVA_HOME="$best"
}
case $- in *f*) _cpp_noglob=1; set +f ;; *) _cpp_noglob=0 ;; esac
_cpp_find_jdk || exit 1
[ "$_cpp_noglob" = 1 ] && set -f
:
