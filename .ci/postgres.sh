# Sourced by .ci/run: a throwaway PostgreSQL cluster for the collector's tests (issue 13).
# start_test_postgres finds initdb/pg_ctl (PATH, then Debian's /usr/lib/postgresql/<ver>/bin), makes a
# cluster in a temp dir owned by an unprivileged user (initdb refuses root; CI runs as root), listens
# only on a unix socket in that dir (no TCP port to collide with), and exports SECUREOTA_TEST_POSTGRES,
# the Npgsql connection string the tests read. stop_test_postgres stops it and removes the dir.
# Without PostgreSQL it exports nothing and the tests say they ran against SQLite only.

test_postgres_dir=""
test_postgres_bin=""

find_postgres_bin() {
    local candidate
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$candidate/pg_ctl" && -x "$candidate/initdb" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Runs a command as the cluster's owner: as is when not root, else as 'nobody' (initdb refuses root).
as_postgres_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        # From /, since the checkout may not be readable by nobody.
        (cd / && runuser -u nobody -- "$@")
    else
        "$@"
    fi
}

start_test_postgres() {
    test_postgres_bin="$(find_postgres_bin)" || { echo "PostgreSQL is not installed: the collector tests run against SQLite only"; return 0; }
    test_postgres_dir="$(mktemp -d /tmp/secureota-pg.XXXXXX)"
    chmod 755 "$test_postgres_dir"
    if [[ $(id -u) -eq 0 ]]; then chown nobody "$test_postgres_dir"; fi
    if ! as_postgres_owner "$test_postgres_bin/initdb" -D "$test_postgres_dir/data" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C >"$test_postgres_dir/initdb.log" 2>&1; then
        echo "PostgreSQL initdb failed (see below): the collector tests run against SQLite only"
        cat "$test_postgres_dir/initdb.log"
        return 0
    fi
    # Unix socket only (listen_addresses=''), fsync off: a throwaway cluster for tests, not for data
    # (TEST_POSTGRES_FSYNC=on keeps fsync, for benchmark figures comparable with SQLite's synced commits).
    if ! as_postgres_owner "$test_postgres_bin/pg_ctl" -D "$test_postgres_dir/data" -l "$test_postgres_dir/server.log" -w -t 60 \
            -o "-c listen_addresses='' -k $test_postgres_dir -c fsync=${TEST_POSTGRES_FSYNC:-off} -c max_connections=200" start >/dev/null; then
        echo "PostgreSQL did not start (see below): the collector tests run against SQLite only"
        cat "$test_postgres_dir/server.log"
        return 0
    fi
    export SECUREOTA_TEST_POSTGRES="Host=$test_postgres_dir;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
    echo "PostgreSQL $("$test_postgres_bin/postgres" --version | awk '{print $3}') started for the collector tests (socket in $test_postgres_dir)"
}

stop_test_postgres() {
    if [[ -n "$test_postgres_dir" && -d "$test_postgres_dir" ]]; then
        if [[ -f "$test_postgres_dir/data/postmaster.pid" ]]; then
            as_postgres_owner "$test_postgres_bin/pg_ctl" -D "$test_postgres_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$test_postgres_dir"
    fi
}
