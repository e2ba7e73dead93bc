// settleDeferredConstraints: at the seams where pum commits, the deferred
// checks fire as at a commit, and every deferrable constraint is back at its
// declared initial state afterwards. Against the real test cluster.
#include <gtest/gtest.h>

#include "pum/db/database.h"
#include "pum/run/deferred_constraints.h"
#include "pum/base/error.h"
#include "pum/base/feedback.h"
#include "test_support.h"

using namespace pum;
using pum::test::TempDatabase;

namespace {

// parent/child with a deferred foreign key, a deferrable-but-immediate unique
// constraint, and a deferred constraint trigger that counts inserts.
constexpr const char* kSchema = R"SQL(
CREATE SCHEMA s;
CREATE TABLE s.parent (id int PRIMARY KEY, code int CONSTRAINT parent_code_key UNIQUE DEFERRABLE INITIALLY IMMEDIATE);
CREATE TABLE s.child (id int PRIMARY KEY,
    parent_id int CONSTRAINT child_parent_fk REFERENCES s.parent (id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE s.fired (n int);
CREATE FUNCTION s.count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id < 0 THEN RAISE EXCEPTION 'negative id %', NEW.id; END IF;
    INSERT INTO s.fired VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER child_counted AFTER INSERT ON s.child
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION s.count_insert();
)SQL";

class DeferredConstraints : public ::testing::Test {
protected:
    void SetUp() override
    {
        connection.exec(kSchema);
        connection.exec("BEGIN");
    }
    void TearDown() override
    {
        if (connection.inTransaction()) connection.exec("ROLLBACK");
    }
    TempDatabase db{false};
    Connection connection = db.connect();
    NullFeedback feedback;
};

}  // namespace

TEST_F(DeferredConstraints, PendingChecksAndTriggersFireAtTheSeam)
{
    connection.exec("INSERT INTO s.child VALUES (1, 10)");  // parent comes later
    connection.exec("INSERT INTO s.parent VALUES (10, 1)");
    EXPECT_EQ(connection.exec("SELECT count(*) FROM s.fired").value(0, 0), "0");
    settleDeferredConstraints(connection, feedback, "the test phase");
    // The trigger ran, as at a commit: the table can be altered now.
    EXPECT_EQ(connection.exec("SELECT count(*) FROM s.fired").value(0, 0), "1");
    EXPECT_NO_THROW(connection.exec("ALTER TABLE s.child ADD COLUMN note text"));
}

TEST_F(DeferredConstraints, AViolationNamesTheConstraintAndThePhase)
{
    connection.exec("INSERT INTO s.child VALUES (1, 99)");
    try {
        settleDeferredConstraints(connection, feedback, "the demo data files");
        FAIL() << "the violation was not reported";
    } catch (const SqlError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("deferred constraint s.child_parent_fk is violated at the end of the demo data files"),
                  std::string::npos) << message;
        EXPECT_NE(message.find("violates foreign key constraint \"child_parent_fk\""), std::string::npos) << message;
        EXPECT_EQ(error.sqlstate(), "23503");
    }
}

TEST_F(DeferredConstraints, ATriggerThatRaisesIsNamed)
{
    connection.exec("INSERT INTO s.parent VALUES (10, 1)");
    connection.exec("INSERT INTO s.child VALUES (-1, 10)");
    try {
        settleDeferredConstraints(connection, feedback, "the install");
        FAIL() << "the trigger's error was not reported";
    } catch (const SqlError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("deferred constraint s.child_counted is violated at the end of the install"),
                  std::string::npos) << message;
        EXPECT_NE(message.find("negative id -1"), std::string::npos) << message;
    }
}

TEST_F(DeferredConstraints, InitialStatesAreBackAfterTheSeam)
{
    settleDeferredConstraints(connection, feedback, "the first phase");
    // INITIALLY DEFERRED again: a child before its parent is fine until the end.
    EXPECT_NO_THROW(connection.exec("INSERT INTO s.child VALUES (2, 20)"));
    connection.exec("INSERT INTO s.parent VALUES (20, 2)");
    // INITIALLY IMMEDIATE stays immediate: a duplicate fails at once.
    EXPECT_THROW(connection.exec("INSERT INTO s.parent VALUES (21, 2)"), SqlError);
}

TEST_F(DeferredConstraints, ConstraintsCreatedAfterTheSeamKeepTheirDeclaredState)
{
    settleDeferredConstraints(connection, feedback, "the first phase");
    connection.exec("CREATE TABLE s.later (id int, parent_id int REFERENCES s.parent (id) DEFERRABLE INITIALLY DEFERRED)");
    EXPECT_NO_THROW(connection.exec("INSERT INTO s.later VALUES (1, 30)"));
    connection.exec("INSERT INTO s.parent VALUES (30, 3)");
    settleDeferredConstraints(connection, feedback, "the second phase");
}

TEST_F(DeferredConstraints, NothingDeferrableIsNothingToDo)
{
    connection.exec("ROLLBACK");
    TempDatabase empty(false);
    Connection other = empty.connect();
    other.exec("BEGIN");
    EXPECT_NO_THROW(settleDeferredConstraints(other, feedback, "an empty phase"));
    other.exec("ROLLBACK");
}
