-- Each test gets a fresh token on an in-memory node: `ao test` runs this file.
describe("token", function()
  local token, alice, bob

  before_each(function()
    token = ao.spawn("token")
    alice, bob = ao.wallet("alice"), ao.wallet("bob")
    assert.no_error(token:send({ Action = "Mint", Quantity = "1000" }))
  end)

  it("tells its name and ticker", function()
    local info = token:send({ Action = "Info" }).Messages[1]
    assert.equals("{{name}}", info.Name)
    assert.equals("TOKEN", info.Ticker)
    assert.equals("12", info.Denomination)
  end)

  it("mints only for the owner", function()
    local result = token:send({ Action = "Mint", Quantity = "5", From = alice })
    assert.matches("Only the owner can mint", result.Error)
    assert.equals("1000", token:state("Balances[ao.env.Process.Owner]"))
  end)

  it("transfers, with a debit and a credit notice", function()
    local result = token:send({ Action = "Transfer", Recipient = alice.address, Quantity = "250" })
    assert.no_error(result)
    assert.equals("Debit-Notice", result.Messages[1].Action)
    local credit = alice:last()
    assert.equals("Credit-Notice", credit.Action)
    assert.equals("250", credit.Quantity)
    assert.equals(ao.owner.address, credit.Sender)
    assert.same({ [ao.owner.address] = "750", [alice.address] = "250" }, token:state("Balances"))
  end)

  it("passes tokens along", function()
    token:send({ Action = "Transfer", Recipient = alice.address, Quantity = "300" })
    for _ = 1, 20 do
      assert.no_error(token:send({ Action = "Transfer", Recipient = bob.address, Quantity = "10", From = alice }))
    end
    assert.equals(20, #bob:received())
    local balance = token:send({ Action = "Balance", From = bob }).Messages[1]
    assert.equals("200", balance.Balance)
    assert.equals("100", token:dryrun({ Action = "Balance", Recipient = alice.address }).Messages[1].Data)
  end)

  it("refuses to overdraw", function()
    local result = token:send({ Action = "Transfer", Recipient = bob.address, Quantity = "1", From = alice })
    assert.equals("Transfer-Error", result.Messages[1].Action)
    assert.equals("Insufficient Balance!", result.Messages[1].Error)
    assert.is_nil(bob:last())
  end)

  it("counts its supply", function()
    token:send({ Action = "Transfer", Recipient = alice.address, Quantity = "1" })
    assert.equals("1000", token:send({ Action = "Total-Supply" }).Messages[1].Data)
  end)
end)
