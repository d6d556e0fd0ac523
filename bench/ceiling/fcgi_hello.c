/*
 * The nginx -> FastCGI ceiling: the cheapest responder libfcgi allows.
 *
 * Same plumbing as `almanac serve` (libfcgi, N threads each blocked in
 * FCGX_Accept_r on one unix socket, no keep-conn), but the answer is a fixed
 * 200 with no parsing, no auth and no database. Almanac's own trivial
 * request (OPTIONS, no auth, no DB) is measured against this.
 *
 * usage: fcgi_hello SOCKET_PATH THREADS
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int listen_fd;

/* libfcgi's own SIGTERM handler only sets a flag that blocked accepts never see. */
static void on_term(int sig) {
    (void)sig;
    _exit(0);
}

static void *worker(void *arg) {
    (void)arg;
    FCGX_Request req;
    static const char reply[] =
        "Status: 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";
    FCGX_InitRequest(&req, listen_fd, 0);
    while (FCGX_Accept_r(&req) >= 0) {
        /* Drain the body like a real responder would. */
        char buf[4096];
        while (FCGX_GetStr(buf, sizeof buf, req.in) > 0) {
        }
        FCGX_PutStr(reply, sizeof reply - 1, req.out);
        FCGX_Finish_r(&req);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s SOCKET THREADS\n", argv[0]);
        return 2;
    }
    int threads = atoi(argv[2]);
    if (threads < 1) threads = 1;
    unlink(argv[1]);
    FCGX_Init();
    signal(SIGTERM, on_term);
    listen_fd = FCGX_OpenSocket(argv[1], 128);
    if (listen_fd < 0) {
        perror("FCGX_OpenSocket");
        return 1;
    }
    chmod(argv[1], 0777);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
    return 0;
}
