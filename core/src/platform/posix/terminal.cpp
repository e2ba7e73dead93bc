#include "pum/platform/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace pum::platform {

bool isTerminal(StandardStream stream)
{
    const int fd = stream == StandardStream::Input ? STDIN_FILENO
                   : stream == StandardStream::Output ? STDOUT_FILENO
                                                      : STDERR_FILENO;
    return isatty(fd) != 0;
}

std::string readLineWithoutEcho()
{
    std::string line;
    if (!isTerminal(StandardStream::Input)) {
        std::getline(std::cin, line);
        return line;
    }
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    return line;
}

}  // namespace pum::platform
