-- Each test gets fresh processes on an in-memory node: `ao test` runs this file.
describe("main", function()
  local main

  before_each(function()
    main = ao.spawn("main")   -- spawned from ao.toml, src/main.lua loaded
  end)

  it("answers Ping with Pong", function()
    local result = main:send({ Action = "Ping" })
    assert.no_error(result)
    assert.equals("Pong", result.Messages[1].Action)
    assert.equals("Pong #1", result.Messages[1].Data)
  end)

  it("counts pings from anyone", function()
    local alice = ao.wallet("alice")
    main:send({ Action = "Ping", From = alice })
    main:send({ Action = "Ping" })
    assert.equals(2, main:state("Pings"))
    assert.equals("Pong #1", alice:last().Data)
  end)

  it("answers Count without changing anything", function()
    main:send({ Action = "Ping" })
    local result = main:dryrun({ Action = "Count" })
    assert.equals("1", result.Messages[1].Data)
    assert.equals(1, main:state("Pings"))
  end)
end)
